// Mobile numbers as HR stores them ("06 12345678", "06-12345678", "+31 6 12345678", "0031 6 …", "+31 (0)6 …")
// → E.164. Only valid *mobile* numbers in allowed countries get a message: premium, landline and foreign numbers
// are how SMS pumping fraud makes money (OWASP "SMS pumping"; LTB Self Service Password issue #165). libphonenumber's `max` metadata knows the types.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import type { MobileNormaliser, PhoneResult } from '../core/ports/phone.js';

export { maskMobile, type PhoneRefusal, type PhoneResult } from '../core/ports/phone.js';

/** Longer than any number with spaces and a note: input beyond this is not a phone number (and stays cheap). */
const MAX_INPUT = 40;
// Numbers that earn the callee money: the SMS-pumping target. (UAN, VoIP, pager … are just `not_mobile`.)
const PAID_TYPES = new Set(['PREMIUM_RATE', 'SHARED_COST']);

export function normaliseMobile(
  raw: string | undefined,
  opts: { defaultCountry: string; allowedCountries: readonly string[] },
): PhoneResult {
  if (!raw || !raw.trim()) return { ok: false, reason: 'missing' };
  if (raw.length > MAX_INPUT) return { ok: false, reason: 'unparseable' };
  // "0031 6…" is the international prefix written out; libphonenumber wants it as "+31".
  const cleaned = raw.trim().replace(/^00/, '+');
  const phone = parsePhoneNumberFromString(cleaned, opts.defaultCountry as CountryCode);
  // An extension ("… ext. 12", "… x3") means a switchboard, never a phone that receives texts.
  if (!phone || !phone.isValid() || phone.ext) return { ok: false, reason: 'unparseable' };
  // Non-geographic codes (+882, +883, +979 …) have no country: never allowed.
  if (!phone.country || !opts.allowedCountries.includes(phone.country))
    return { ok: false, reason: 'country_not_allowed' };
  const type = phone.getType();
  if (type && PAID_TYPES.has(type)) return { ok: false, reason: 'premium' };
  // FIXED_LINE_OR_MOBILE: countries whose numbering does not tell them apart (US, CA); NL always does.
  if (type !== 'MOBILE' && type !== 'FIXED_LINE_OR_MOBILE') return { ok: false, reason: 'not_mobile' };
  return { ok: true, e164: phone.number };
}

/** The phone port for the core, bound to the configured countries. */
export const mobileNormaliser =
  (opts: { defaultCountry: string; allowedCountries: readonly string[] }): MobileNormaliser =>
  (raw) =>
    normaliseMobile(raw, opts);
