// The phone check as the hosts give it to the core: sms/phone.ts (libphonenumber-js with its full metadata,
// ≈ 2.5 MB of heap and ≈ 40 ms to load) imported when the first identity reaches the mobile number, not at start:
// an idle host never needs it. The check runs only after the right birthdate (core/identity.ts), and the identity
// step's floor (security.identityFloorMs) covers the one wait for the import.
import type { MobileCheck } from '../core/ports/phone.js';
import type * as Phone from './phone.js';

export function lazyMobileCheck(opts: { defaultCountry: string; allowedCountries: readonly string[] }): MobileCheck {
  let phone: Promise<typeof Phone> | undefined;
  return async (raw) => {
    phone ??= import('./phone.js');
    return (await phone).normaliseMobile(raw, opts);
  };
}
