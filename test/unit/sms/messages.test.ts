// The texts people receive: their language, the organisation, short enough for one SMS, never a link.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src-main/config/load.js';
import { DEFAULT_TEMPLATES } from '../../../src-main/config/sms.js';
import { renderMessage } from '../../../src-main/sms/messages.js';

// GSM 03.38 basic set (the 160-character encoding); anything else makes a UCS-2 text of at most 70 characters.
const GSM7 = /^[@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&'()*+,\-./0-9:;<=>?¡A-ZÄÖÑÜ§¿a-zäöñüà]*$/;
const ORG = 'Stichting Zorg en Welzijn Noord-Limburg'; // close to the 40-character maximum

describe('SMS texts', () => {
  it.each(['nl', 'en'] as const)('default %s texts fit one GSM-7 segment, name the organisation, carry no link', (lang) => {
    const code = renderMessage(DEFAULT_TEMPLATES, 'code', lang, { organisation: ORG, code: '123456', minutes: 5 });
    const changed = renderMessage(DEFAULT_TEMPLATES, 'changed', lang, { organisation: ORG });
    for (const t of [code, changed]) {
      expect(t.startsWith(`${ORG}:`)).toBe(true);
      expect(t.length).toBeLessThanOrEqual(160);
      expect(t).toMatch(GSM7);
      expect(t).not.toMatch(/https?:|www\./);
    }
    expect(code).toContain('123456');
    expect(code).toContain('5');
  });

  it('the language follows the session', () => {
    expect(renderMessage(DEFAULT_TEMPLATES, 'code', 'nl', { organisation: 'Pantein', code: '123456', minutes: 5 })).toMatch(/je code voor een nieuw wachtwoord is 123456/);
    expect(renderMessage(DEFAULT_TEMPLATES, 'code', 'en', { organisation: 'Pantein', code: '123456', minutes: 5 })).toMatch(/your code for a new password is 123456/);
  });

  it('configured templates: a code text without {code} or with a link is refused', () => {
    const withTemplates = (code: object) => () => parseConfig({ sms: { templates: { code } } });
    expect(withTemplates({ nl: 'Code: {code}', en: 'Code: {code}' })).not.toThrow();
    expect(withTemplates({ nl: 'Je code staat klaar', en: 'Code: {code}' })).toThrow(/must contain \{code\}/);
    expect(withTemplates({ nl: 'Code {code}, zie https://pantein.nl', en: 'Code: {code}' })).toThrow(/no links/);
    expect(withTemplates({ nl: 'Code {code}, zie pantein.nl/help', en: 'Code: {code}' })).toThrow(/no links/);
  });
});
