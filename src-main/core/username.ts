// Users type their name as the manual shows (A.Janssen) but also as e-mail or DOMAIN\name, with stray spaces.
// All of these must reach the same account and the same throttle key.

const MAX_USERNAME = 104; // userPrincipalName's prefix limit; sAMAccountName is 20

/**
 * `A.Janssen`, ` a.janssen@pantein.nl `, `PANTEIN\A.Janssen` → `a.janssen`.
 * Returns null when nothing usable is left. The result is a lookup key, never a filter string:
 * adapters must still escape it (ldapts filter objects do).
 */
export function normaliseUsername(input: string): string | null {
  let name = input.normalize('NFC').replace(/\s+/g, '');
  const backslash = name.lastIndexOf('\\');
  if (backslash >= 0) name = name.slice(backslash + 1);
  const at = name.indexOf('@');
  if (at >= 0) name = name.slice(0, at);
  name = name.toLowerCase();
  if (name.length === 0 || name.length > MAX_USERNAME) return null;
  // Control characters have no place in an account name; refuse rather than pass them to a directory.
  if (/[\u0000-\u001f\u007f]/.test(name)) return null;
  return name;
}
