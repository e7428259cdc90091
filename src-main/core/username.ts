// Users type their name as the manual shows (A.Janssen) but also as e-mail or DOMAIN\name, with stray spaces,
// in another case or width (a Japanese IME types Ａ), or with an accent. Two things come out of it:
// - the *lookup name* the directory is asked for (normaliseUsername): NFKC, no spaces, no domain, lower case;
// - the *name key* every typed-name budget is counted under (nameKey): folded much harder, so no spelling of a
//   name buys a budget of its own. The account's own budget (its objectGUID, throttle.ts) is the real bound
//   once the directory found it; the name key protects unknown names and the tries before the lookup.
//
// What Active Directory matches (so what one account answers to): case-insensitively (String(Unicode) syntax
// 2.5.5.12), single- and double-byte width alike (KB 2656984), accented letters as their base letter — ü as u,
// ß as ss, å as a, ø as o (KB 938447) — and a UPN prefix as well as the sAMAccountName. Samba 4.17 matches
// case-insensitively but not across width or accents (test/peers/samba/FACTS.md).

import { foldKey } from './fold.js';

const MAX_USERNAME = 104; // userPrincipalName's prefix limit; sAMAccountName is 20

/**
 * `A.Janssen`, ` a.janssen@pantein.nl `, `PANTEIN\A.Janssen`, `Ａ.Ｊａｎｓｓｅｎ` → `a.janssen`.
 * Returns null when nothing usable is left. The result is a lookup key, never a filter string:
 * adapters must still escape it (ldapts filter objects do).
 */
export function normaliseUsername(input: string): string | null {
  // NFKC first: a full-width ＠ or ＼ must strip a domain like its ASCII form does.
  let name = input.normalize('NFKC').replace(/\s+/g, '');
  const backslash = name.lastIndexOf('\\');
  if (backslash >= 0) name = name.slice(backslash + 1);
  const at = name.indexOf('@');
  if (at >= 0) name = name.slice(0, at);
  name = name.toLowerCase();
  if (name.length === 0 || name.length > MAX_USERNAME) return null;
  // Control characters have no place in an account name; refuse rather than pass them to a directory.
  if (/[\u0000-\u001f\u007f]/.test(name)) return null;
  // A name of nothing but marks or invisible characters would have an empty key: no name at all.
  if (nameKey(name) === '') return null;
  return name;
}

/**
 * The key of a typed name for its budgets, its audit pseudonym and every search: core/fold.ts, the one folding
 * of the product (compatibility forms and width, invisible characters, marks, case, Latin look-alikes).
 * Folding harder than AD only shares budgets between names, never splits them.
 */
export const nameKey = (name: string): string => foldKey(name);
