// Names for the admin log and the audit trail. An account the directory knows is recorded by its account name;
// whatever else was typed in the username field is recorded as a keyed hash, because people type passwords
// there too (at a logon screen, by habit). The same key on every host links attempts across hosts and restarts.
// The name is folded first (core/fold.ts): every spelling of one name has one pseudonym, so one search finds
// them all, whatever width, accent, case or invisible character was typed.
import { createHmac, randomBytes } from 'node:crypto';
import { nameKey } from './username.js';

export type Pseudonymise = (typed: string) => string;

/** `~` + 12 hex of HMAC-SHA256(key, nameKey(name)): stable per key and per folded name, useless without the key. */
export function pseudonymiser(key: string | Buffer = randomBytes(32)): Pseudonymise {
  return (typed) => `~${createHmac('sha256', key).update(nameKey(typed)).digest('hex').slice(0, 12)}`;
}
