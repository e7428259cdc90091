// The texts people receive: their language, the organisation, one per purpose (a reset's code, an unlock's code,
// changed, unlocked) in the manual's words, the servicedesk's number, short enough for one SMS, never a link.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src-main/config/load.js';
import { DEFAULT_TEMPLATES } from '../../../src-main/config/sms.js';
import { CODE_TEXT, renderMessage, smsPhone, type MessageKind } from '../../../src-main/sms/messages.js';

// GSM 03.38 basic set (the 160-character encoding); anything else makes a UCS-2 text of at most 70 characters.
const GSM7 = /^[@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&'()*+,\-./0-9:;<=>?¡A-ZÄÖÑÜ§¿a-zäöñüà]*$/;
const ORG = 'Stichting Zorg en Welzijn Noord-Limburg'; // close to the 40-character maximum

describe('SMS texts', () => {
  it.each(['nl', 'en'] as const)(
    'default %s texts fit one GSM-7 segment, name the organisation, carry no link',
    (lang) => {
      const values = { organisation: ORG, code: '123456', minutes: 5, servicedesk: smsPhone('0485 – 845 900') };
      // The wizard's four purposes (the servicedesk's own `desk` text: test/unit/desk).
      const kinds: MessageKind[] = ['code', 'unlockCode', 'changed', 'unlocked'];
      for (const kind of kinds) {
        const t = renderMessage(DEFAULT_TEMPLATES, kind, lang, values);
        expect(t.startsWith(`${ORG}:`)).toBe(true);
        expect(t.length).toBeLessThanOrEqual(160);
        expect(t).toMatch(GSM7);
        expect(t).not.toMatch(/https?:|www\./);
        expect(t).toContain('0485 845 900'); // a number may be in a text, a link may not
      }
      for (const kind of Object.values(CODE_TEXT))
        expect(renderMessage(DEFAULT_TEMPLATES, kind, lang, values)).toMatch(/123456.*5/);
    },
  );

  it("the language and the purpose follow the session: an unlock's code says nothing of a new password", () => {
    const text = (purpose: 'reset' | 'unlock', lang: 'nl' | 'en') =>
      renderMessage(DEFAULT_TEMPLATES, CODE_TEXT[purpose], lang, {
        organisation: 'Pantein',
        code: '123456',
        minutes: 5,
        servicedesk: '0485 845 900',
      });
    expect(text('reset', 'nl')).toBe(
      'Pantein: je wachtwoordcode voor een nieuw wachtwoord is 123456. 5 minuten geldig. Niet aangevraagd? Bel 0485 845 900.',
    );
    expect(text('unlock', 'nl')).toBe(
      'Pantein: je wachtwoordcode om je account te ontgrendelen is 123456. 5 minuten geldig. Niet aangevraagd? Bel 0485 845 900.',
    );
    expect(text('reset', 'en')).toMatch(/your password code for a new password is 123456/);
    expect(text('unlock', 'en')).toMatch(/your password code to unlock your account is 123456/);
    expect(text('unlock', 'nl')).not.toMatch(/nieuw wachtwoord/);
  });

  it('configured templates: a code text without {code} or with a link is refused', () => {
    const withTemplates = (code: object) => () => parseConfig({ sms: { templates: { code } } });
    expect(withTemplates({ nl: 'Code: {code}', en: 'Code: {code}' })).not.toThrow();
    expect(withTemplates({ nl: 'Je code staat klaar', en: 'Code: {code}' })).toThrow(/must contain \{code\}/);
    expect(withTemplates({ nl: 'Code {code}, zie https://pantein.nl', en: 'Code: {code}' })).toThrow(/no links/);
    expect(withTemplates({ nl: 'Code {code}, zie pantein.nl/help', en: 'Code: {code}' })).toThrow(/no links/);
  });
});
