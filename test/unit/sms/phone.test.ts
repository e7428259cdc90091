// Number normalisation as HR stores numbers, and the numbers that must never get a text (SMS pumping).
import { describe, expect, it } from 'vitest';
import { maskMobile, normaliseMobile, type PhoneRefusal } from '../../../src-main/sms/phone.js';

const NL = { defaultCountry: 'NL', allowedCountries: ['NL'] };
const NL_BE_GB = { defaultCountry: 'NL', allowedCountries: ['NL', 'BE', 'GB'] };

describe('normaliseMobile: accepted, all to E.164', () => {
  it.each([
    ['06 12345678'],
    ['0612345678'],
    ['06-12345678'],
    ['06-1234 5678'],
    ['06 12 34 56 78'],
    ['06.12.34.56.78'],
    ['(06) 12345678'],
    ['+31612345678'],
    ['+31 6 12345678'],
    ['+31-6-12345678'],
    ['+316 1234 5678'],
    ['+31 (0)6 12345678'],
    ['0031 6 12345678'],
    ['0031612345678'],
    ['00 31 6 12345678'],
    ['0031 (0)6 12345678'],
    ['  06 12345678  '],
    ['\u00a006\u00a012345678'], // non-breaking spaces from a spreadsheet
    ['31612345678'], // HR forgot the +
    ['06 12345678 (werk)'], // a note after the number
  ])('%j → +31612345678', (raw) => {
    expect(normaliseMobile(raw, NL)).toEqual({ ok: true, e164: '+31612345678' });
  });

  it('other NL mobile ranges and an allowed foreign mobile', () => {
    expect(normaliseMobile('06-23456789', NL)).toEqual({ ok: true, e164: '+31623456789' });
    expect(normaliseMobile('+32 470 12 34 56', NL_BE_GB)).toEqual({ ok: true, e164: '+32470123456' });
    expect(normaliseMobile('+44 7400 123456', NL_BE_GB)).toEqual({ ok: true, e164: '+447400123456' });
    // +44 7911 is Guernsey (GG), a country of its own: not allowed by 'GB'.
    expect(normaliseMobile('+44 7911 123456', NL_BE_GB)).toEqual({ ok: false, reason: 'country_not_allowed' });
  });
});

describe('normaliseMobile: refused', () => {
  const cases: [string, string | undefined, PhoneRefusal, typeof NL][] = [
    ['empty', '', 'missing', NL],
    ['blank', '   ', 'missing', NL],
    ['undefined', undefined, 'missing', NL],
    ['garbage', 'abc', 'unparseable', NL],
    ['a lone +', '+', 'unparseable', NL],
    ['too short', '06 1234', 'unparseable', NL],
    ['one digit short', '+31 6 1234567', 'unparseable', NL],
    ['too long', '06 123456789', 'unparseable', NL],
    ['two numbers in one field', '06 12345678 / 06 23456789', 'unparseable', NL],
    ['an extension (switchboard)', '0612345678 ext. 12', 'unparseable', NL],
    ['absurdly long input', '06 12345678' + ' '.repeat(40) + 'x', 'unparseable', NL],
    ['NL landline (seed servicedesk)', '0485 845900', 'not_mobile', NL],
    ['NL landline Amsterdam', '020 1234567', 'not_mobile', NL],
    ['NL 085 VoIP', '085 1234567', 'not_mobile', NL],
    ['NL 088 company number', '088 1234567', 'not_mobile', NL],
    ['NL 0900 premium', '0900 1234567', 'premium', NL],
    ['NL 0906 premium', '0906 1234567', 'premium', NL],
    ['NL 0909 premium', '0909 1234567', 'premium', NL],
    ['foreign mobile, country not allowed', '+44 7911 123456', 'country_not_allowed', NL],
    ['foreign premium, country not allowed', '+44 909 8790879', 'country_not_allowed', NL],
    ['foreign premium, country allowed (UK 09)', '+44 909 8790879', 'premium', NL_BE_GB],
    ['foreign premium, country allowed (BE 0903)', '+32 903 12 345', 'premium', NL_BE_GB],
    ['foreign landline, country allowed (BE)', '+32 2 555 12 12', 'not_mobile', NL_BE_GB],
    ['US premium 900', '+1 900 555 0100', 'country_not_allowed', NL],
    ['+882 international networks', '+882 16 12345678', 'country_not_allowed', NL_BE_GB],
    ['+883 international networks', '+883 5100 12345678', 'country_not_allowed', NL_BE_GB],
  ];
  it.each(cases)('%s', (_name, raw, reason, opts) => {
    expect(normaliseMobile(raw, opts)).toEqual({ ok: false, reason });
  });
});

describe('maskMobile', () => {
  it('keeps only the last two digits', () => {
    expect(maskMobile('+31612345678')).toBe('•• •• •• 78');
    expect(maskMobile('+31612345678')).not.toMatch(/\d{3}/);
  });
});
