// Config section `sms`: how one-time codes and notices reach the user's phone.
// `outbox` (demo) appends every message as one JSON line to a file instead of sending it.
// `twilio-messaging`: we generate, hash and check the code and send it as a plain text (src-main/sms/twilio-messages.ts).
// `twilio-verify`: Twilio Verify generates, sends (its own localised template) and checks the code.
// Twilio secrets never live here: `secretEnv` names the environment variables (or `<VAR>_FILE`) that hold them.
import { z } from 'zod';

export const outboxSmsSchema = z
  .object({
    type: z.literal('outbox'),
    /** Default: $RESET_KIOSK_OUTBOX, else <tmp>/reset-kiosk-<uid>/outbox.jsonl, a private directory (printed at start). */
    file: z.string().optional(),
    /** Test labs only: write codes to a file although the directory is real (refused otherwise, see schema.ts). */
    allowRealDirectory: z.boolean().default(false),
  })
  .strict();

// Upper-case names only: a pasted token (lower-case hex) fails here instead of ending up in the config.
const envName = z
  .string()
  .regex(/^[A-Z_][A-Z0-9_]*$/, 'an environment variable name (A-Z, 0-9, _), not the secret itself');

export const DEFAULT_TWILIO_SECRET_ENV = {
  accountSid: 'RESET_KIOSK_TWILIO_ACCOUNT_SID',
  authToken: 'RESET_KIOSK_TWILIO_AUTH_TOKEN',
  apiKeySid: 'RESET_KIOSK_TWILIO_API_KEY_SID',
  apiKeySecret: 'RESET_KIOSK_TWILIO_API_KEY_SECRET',
};

const twilioCommon = {
  /** Where the credentials are: Account SID + auth token, or (preferred) API key SID + secret + Account SID. */
  secretEnv: z
    .object({
      accountSid: envName.default(DEFAULT_TWILIO_SECRET_ENV.accountSid),
      authToken: envName.default(DEFAULT_TWILIO_SECRET_ENV.authToken),
      apiKeySid: envName.default(DEFAULT_TWILIO_SECRET_ENV.apiKeySid),
      apiKeySecret: envName.default(DEFAULT_TWILIO_SECRET_ENV.apiKeySecret),
    })
    .strict()
    .default(DEFAULT_TWILIO_SECRET_ENV),
  /** Upper bound for one Twilio request, so the kiosk never hangs on the provider. */
  timeoutMs: z.number().int().min(100).max(30_000).default(10_000),
  /**
   * TEST/PROXY ONLY: send every Twilio API request (with its credentials) to this origin instead of
   * https://*.twilio.com. Plain http only to this machine (127.0.0.1, localhost, ::1).
   */
  baseUrl: z
    .url({ protocol: /^https?$/ })
    .refine(
      (u) => u.startsWith('https:') || /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/.test(u),
      'http only to this machine; use https otherwise',
    )
    .optional(),
};

/** E.164 number of the account, or an alphanumeric sender ID ("Pantein", max 11 chars, at least one letter). */
const from = z
  .string()
  .regex(
    /^(\+[1-9]\d{6,14}|(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11})$/,
    'an E.164 number (+31…) or an alphanumeric sender ID of at most 11 characters',
  );
const messagingServiceSid = z.string().regex(/^MG[0-9a-fA-F]{32}$/, 'a Messaging Service SID (MG + 32 hex)');

export const twilioMessagingSchema = z
  .object({
    type: z.literal('twilio-messaging'),
    from: from.optional(),
    messagingServiceSid: messagingServiceSid.optional(),
    ...twilioCommon,
  })
  .strict()
  .refine((p) => !p.from !== !p.messagingServiceSid, {
    path: ['from'],
    message: 'set exactly one of from and messagingServiceSid',
  });

export const twilioVerifySchema = z
  .object({
    type: z.literal('twilio-verify'),
    /** The Verify service (VA…). Its friendly name appears in Twilio's text; its code length must be 6. */
    serviceSid: z.string().regex(/^VA[0-9a-fA-F]{32}$/, 'a Verify Service SID (VA + 32 hex)'),
    /** Optional sender for the "password changed" notice (Verify only sends codes); without one, notices are off. */
    from: from.optional(),
    messagingServiceSid: messagingServiceSid.optional(),
    ...twilioCommon,
  })
  .strict()
  .refine((p) => !(p.from && p.messagingServiceSid), {
    path: ['from'],
    message: 'set at most one of from and messagingServiceSid',
  });

export const smsProviderSchema = z.discriminatedUnion('type', [
  outboxSmsSchema,
  twilioMessagingSchema,
  twilioVerifySchema,
]);
export type SmsProviderConfig = z.infer<typeof smsProviderSchema>;
export type TwilioProviderConfig = z.infer<typeof twilioMessagingSchema> | z.infer<typeof twilioVerifySchema>;

// No links: staff are taught that a real code never comes with one (phishing); 320 = two SMS segments at most.
const text = z
  .string()
  .min(1)
  .max(320)
  .refine(
    (t) => !/https?:|www\.|\.(nl|com|org)\b/i.test(t),
    'no links (or web/mail addresses) in an SMS: phones turn them into links',
  );
const template = z.object({ nl: text, en: text }).strict();
const hasCode = (t: { nl: string; en: string }) => t.nl.includes('{code}') && t.en.includes('{code}');

/**
 * The SMS texts, one entry per purpose, in the manual's words ("wachtwoordcode"). Placeholders: {organisation},
 * {code} and {minutes} (code texts), {servicedesk} (its phone number: a number is allowed, a link is not). Which
 * code text a session's purpose uses is sms/messages.ts CODE_TEXT: another purpose is one entry there and here.
 */
export const DEFAULT_TEMPLATES = {
  /** The code for a new password (the key keeps its old name, so existing configs keep working). */
  code: {
    nl: '{organisation}: je wachtwoordcode voor een nieuw wachtwoord is {code}. {minutes} minuten geldig. Niet aangevraagd? Bel {servicedesk}.',
    en: '{organisation}: your password code for a new password is {code}. Valid {minutes} minutes. Not you? Call the service desk: {servicedesk}.',
  },
  /** The code for unlocking only: nothing about a new password (that would alarm someone who only unlocks). */
  unlockCode: {
    nl: '{organisation}: je wachtwoordcode om je account te ontgrendelen is {code}. {minutes} minuten geldig. Niet aangevraagd? Bel {servicedesk}.',
    en: '{organisation}: your password code to unlock your account is {code}. Valid {minutes} minutes. Not you? Call the service desk: {servicedesk}.',
  },
  changed: {
    nl: '{organisation}: je wachtwoord is net gewijzigd. Heb jij dit niet gedaan? Bel meteen de servicedesk: {servicedesk}.',
    en: '{organisation}: your password was just changed. Was this not you? Call the service desk now: {servicedesk}.',
  },
  unlocked: {
    nl: '{organisation}: je account is net ontgrendeld. Heb jij dit niet gedaan? Bel meteen de servicedesk: {servicedesk}.',
    en: '{organisation}: your account was just unlocked. Was this not you? Call the service desk now: {servicedesk}.',
  },
  /** The servicedesk's own purpose: the caller reads this code back to the agent (src-main/desk/verify.ts). */
  desk: {
    nl: 'De servicedesk vraagt je deze code voor te lezen: {code}',
    en: 'The service desk asks you to read out this code: {code}',
  },
};

export const DEFAULT_CHANNEL_NAME = { nl: 'sms', en: 'SMS' };

export const smsSchema = z
  .object({
    provider: smsProviderSchema.default({ type: 'outbox', allowRealDirectory: false }),
    /** ISO 3166 countries whose mobile numbers may receive a code (SMS pumping guard). */
    allowedCountries: z
      .array(z.string().regex(/^[A-Z]{2}$/))
      .min(1)
      .default(['NL']),
    /** Country assumed for numbers stored without a prefix (`06 12345678`). */
    defaultCountry: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .default('NL'),
    /**
     * Where the code arrives, as the wizard says it after "via": "sms", or where staff use an SMS app, its name with
     * the article ("de SMSPasscode app", as the manual says). Per language.
     */
    channelName: z
      .object({ nl: z.string().min(1).max(40), en: z.string().min(1).max(40) })
      .strict()
      .default(DEFAULT_CHANNEL_NAME),
    /** Send "your password was changed" after a reset, "your account was unlocked" after an unlock (alerts the owner if it was not them). */
    notifyOnChange: z.boolean().default(true),
    /** Texts for outbox and twilio-messaging. Twilio Verify uses its own template in the session's language. */
    templates: z
      .object({
        code: template.refine(hasCode, 'the code text must contain {code}').default(DEFAULT_TEMPLATES.code),
        unlockCode: template.refine(hasCode, 'the code text must contain {code}').default(DEFAULT_TEMPLATES.unlockCode),
        changed: template.default(DEFAULT_TEMPLATES.changed),
        unlocked: template.default(DEFAULT_TEMPLATES.unlocked),
        desk: template.refine(hasCode, 'the servicedesk text must contain {code}').default(DEFAULT_TEMPLATES.desk),
      })
      .strict()
      .default(DEFAULT_TEMPLATES),
  })
  .strict();
export type SmsConfig = z.infer<typeof smsSchema>;
