// What an AD answer means for the reset. Result codes per RFC 4511; AD's texts as seen on Samba 4.17 and
// documented for Windows (FACTS.md). ldapts throws a ResultCodeError subclass carrying the numeric `code`;
// network, TLS and timeout failures are plain Errors (string `code` such as ECONNREFUSED, or none).
import { ResultCodeError } from 'ldapts';
import type { ResetOutcome } from './types.js';

/** The LDAP result codes the adapter acts on. */
export const LdapCode = {
  strongAuthRequired: 8, // simple bind without TLS ("BindSimple: Transport encryption required")
  unavailableCriticalExtension: 12, // a critical control (policy hints) the DC does not support
  constraintViolation: 19, // 0000052D: too short, not complex, in history (with policy hints), minimum age
  invalidCredentials: 49, // 52e bad password, 775 locked, 773 must change (data codes in the message)
  insufficientAccess: 50, // no Reset Password / write lockoutTime on this object (outside the OU, an admin)
  busy: 51,
  unavailable: 52,
} as const;

const MAX_DETAIL = 300;

export function ldapCode(err: unknown): number | undefined {
  return err instanceof ResultCodeError ? err.code : undefined;
}

/** One line for the admin log: never holds a password (ldapts messages carry the DC's text only). */
export function describeError(err: unknown): string {
  if (!(err instanceof Error)) return String(err).slice(0, MAX_DETAIL);
  const code = (err as { code?: unknown }).code;
  const prefix = typeof code === 'number' ? `LDAP ${code} ${err.name}` : typeof code === 'string' ? `${code} ${err.name}` : err.name;
  const text = `${prefix}: ${err.message}`.replace(/\s+/g, ' ').trim();
  return text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL - 1)}…` : text;
}

/**
 * Maps a failed password modify to the port's outcome. The modify is one atomic request, so in every
 * case nothing changed on the account (verified: a refused password leaves lockoutTime as it was).
 */
export function resetOutcomeFor(err: unknown): Exclude<ResetOutcome, { ok: true }> {
  const code = ldapCode(err);
  const detail = describeError(err);
  if (code === LdapCode.constraintViolation) {
    // Samba: "... already used (in history)!"; Windows with policy hints: "... password history ..."
    return /histor/i.test(detail) ? { ok: false, reason: 'history' } : { ok: false, reason: 'policy' };
  }
  if (code === LdapCode.insufficientAccess) return { ok: false, reason: 'rights', detail };
  return { ok: false, reason: 'unavailable', detail };
}

/**
 * Whether another DC could do better: network, TLS and timeout failures, busy or unavailable DCs.
 * An LDAP answer such as a refused bind (49) would be the same on every DC of the domain.
 */
export function isFailoverError(err: unknown): boolean {
  const code = ldapCode(err);
  if (code === undefined) return true;
  return code === LdapCode.busy || code === LdapCode.unavailable;
}
