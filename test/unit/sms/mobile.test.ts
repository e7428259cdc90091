// The hosts' phone check (sms/mobile.ts) loads sms/phone.ts when first asked and answers exactly as it does.
import { describe, expect, it } from 'vitest';
import { lazyMobileCheck } from '../../../src-main/sms/mobile.js';
import { normaliseMobile } from '../../../src-main/sms/phone.js';

const opts = { defaultCountry: 'NL', allowedCountries: ['NL', 'BE'] };

describe('lazyMobileCheck', () => {
  it.each([undefined, '', '06 12345678', '+32 470 12 34 56', '+44 7700 900123', '0900 1234567', '020 123 4567', 'x'])(
    '%s: the same answer as normaliseMobile',
    async (raw) => {
      const check = lazyMobileCheck(opts);
      expect(await check(raw)).toEqual(normaliseMobile(raw, opts));
    },
  );
});
