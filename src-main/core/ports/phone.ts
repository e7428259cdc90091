// The phone port: turns a number as HR stored it into E.164, or says why no text may go to it. Implemented by
// src-main/sms/phone.ts (libphonenumber-js with its full metadata, which the core must not load itself).

export type PhoneRefusal = 'missing' | 'unparseable' | 'country_not_allowed' | 'premium' | 'not_mobile';
export type PhoneResult = { ok: true; e164: string } | { ok: false; reason: PhoneRefusal };

/** Only valid mobile numbers in the allowed countries pass (SMS pumping: OWASP; LTB Self Service Password issue #165). */
export type MobileNormaliser = (raw: string | undefined) => PhoneResult;
/** The same for the core, which may wait for it: the hosts load the full phone metadata only when first needed
 *  (sms/mobile.ts), the tests and tools pass a MobileNormaliser. */
export type MobileCheck = (raw: string | undefined) => PhoneResult | Promise<PhoneResult>;

/** What the user and the logs see: "•• •• •• 78". Enough to recognise one's own phone, too little to reuse. */
export const maskMobile = (e164: string): string => `•• •• •• ${e164.slice(-2)}`;
