// Mobile numbers as HR stores them ("06 12345678", "+31612345678", "0031 6 …") → E.164.
// Only valid *mobile* numbers in allowed countries get a message: premium, landline and foreign numbers are
// how SMS pumping fraud makes money (DESIGN.md, LTB #165).
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

export type PhoneResult =
  | { ok: true; e164: string }
  | { ok: false; reason: 'missing' | 'unparseable' | 'not_mobile' | 'country_not_allowed' };

export function normaliseMobile(raw: string | undefined, opts: { defaultCountry: string; allowedCountries: readonly string[] }): PhoneResult {
  if (!raw || !raw.trim()) return { ok: false, reason: 'missing' };
  // "0031 6…" is the international prefix written out; libphonenumber wants it as "+31".
  const cleaned = raw.trim().replace(/^00/, '+');
  const phone = parsePhoneNumberFromString(cleaned, opts.defaultCountry as CountryCode);
  if (!phone || !phone.isValid()) return { ok: false, reason: 'unparseable' };
  if (!phone.country || !opts.allowedCountries.includes(phone.country)) return { ok: false, reason: 'country_not_allowed' };
  const type = phone.getType();
  if (type !== 'MOBILE' && type !== 'FIXED_LINE_OR_MOBILE') return { ok: false, reason: 'not_mobile' };
  return { ok: true, e164: phone.number };
}

/** What the user and the logs see: "•• •• •• 78". Enough to recognise one's own phone, too little to reuse. */
export const maskMobile = (e164: string): string => `•• •• •• ${e164.slice(-2)}`;
