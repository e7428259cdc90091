// Config section `sms`: how one-time codes and notices reach the user's phone.
// `outbox` (demo) appends every message as one JSON line to a file instead of sending it.
import { z } from 'zod';

export const outboxSmsSchema = z
  .object({
    type: z.literal('outbox'),
    /** Default: $RESET_KIOSK_OUTBOX, else <tmp>/reset-kiosk-outbox.jsonl (printed at start). */
    file: z.string().optional(),
  })
  .strict();

export const smsProviderSchema = z.discriminatedUnion('type', [outboxSmsSchema]);

const template = z.object({ nl: z.string().min(1).max(320), en: z.string().min(1).max(320) }).strict();

/** Placeholders: {organisation}, {code}, {minutes}. No links: staff are taught that codes never come with one. */
export const DEFAULT_TEMPLATES = {
  code: {
    nl: '{organisation}: je code voor een nieuw wachtwoord is {code}. {minutes} minuten geldig. Niet aangevraagd? Bel de servicedesk.',
    en: '{organisation}: your code for a new password is {code}. Valid for {minutes} minutes. Did not ask for it? Call the service desk.',
  },
  changed: {
    nl: '{organisation}: je wachtwoord is zojuist gewijzigd. Was jij dit niet? Bel direct de servicedesk.',
    en: '{organisation}: your password was just changed. Was this not you? Call the service desk now.',
  },
};

export const smsSchema = z
  .object({
    provider: smsProviderSchema.default({ type: 'outbox' }),
    /** ISO 3166 countries whose mobile numbers may receive a code (SMS pumping guard). */
    allowedCountries: z.array(z.string().regex(/^[A-Z]{2}$/)).min(1).default(['NL']),
    /** Country assumed for numbers stored without a prefix (`06 12345678`). */
    defaultCountry: z.string().regex(/^[A-Z]{2}$/).default('NL'),
    /** Send "your password was changed" after a reset (alerts the owner if it was not them). */
    notifyOnChange: z.boolean().default(true),
    templates: z
      .object({ code: template.default(DEFAULT_TEMPLATES.code), changed: template.default(DEFAULT_TEMPLATES.changed) })
      .strict()
      .default(DEFAULT_TEMPLATES),
  })
  .strict();
export type SmsConfig = z.infer<typeof smsSchema>;
