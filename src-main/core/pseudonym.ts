// Names for the admin log and the audit trail. An account the directory knows is recorded by its account name;
// whatever else was typed in the username field is recorded as a keyed hash, because people type passwords
// there too (at a logon screen, by habit). The same key on every host links attempts across hosts and restarts.
import { createHmac, randomBytes } from 'node:crypto';

export type Pseudonymise = (typed: string) => string;

/** `~` + 12 hex of HMAC-SHA256(key, name): stable per key, useless without it. */
export function pseudonymiser(key: string | Buffer = randomBytes(32)): Pseudonymise {
  return (typed) => `~${createHmac('sha256', key).update(typed).digest('hex').slice(0, 12)}`;
}
