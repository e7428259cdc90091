// What an AD answer means for the reset. Result codes per RFC 4511; AD's texts as seen on Samba 4.17 and
// documented for Windows (test/peers/samba/FACTS.md). ldapts throws a ResultCodeError subclass carrying the numeric `code`;
// network, TLS and timeout failures are plain Errors (string `code` such as ECONNREFUSED, or none).
import { ResultCodeError } from 'ldapts';
import type { ResetOutcome } from '../../core/ports/directory.js';

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
  const prefix =
    typeof code === 'number' ? `LDAP ${code} ${err.name}` : typeof code === 'string' ? `${code} ${err.name}` : err.name;
  const text = `${prefix}: ${err.message}`.replace(/\s+/g, ' ').trim();
  return text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL - 1)}…` : text;
}

/**
 * Maps a failed password modify to the port's outcome. The modify is one atomic request, so on every LDAP
 * answer nothing changed on the account (verified: a refused password leaves lockoutTime as it was). The
 * exception is `uncertain`: the connection died or timed out once the request was sent (isConnectionLost
 * and not neverSent), so the DC may have applied it or not.
 */
export function resetOutcomeFor(err: unknown): Exclude<ResetOutcome, { ok: true }> {
  const code = ldapCode(err);
  const detail = describeError(err);
  if (isConnectionLost(err) && !neverSent(err)) return { ok: false, reason: 'uncertain', detail };
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

/**
 * Thrown instead of a transparent reconnect: a connection that lost its socket stays dead (connection.ts).
 * Raised before anything is written, so the request never reached a DC.
 */
export class ConnectionLostError extends Error {
  readonly code = 'ERR_RK_LDAP_CONNECTION_LOST';
  constructor(url: string) {
    super(`the connection to ${url} was closed; not reconnecting on it`);
    this.name = 'ConnectionLostError';
  }
}

// Node's socket errors that mean the peer or the path went away.
const DEAD_SOCKET = new Set([
  'ECONNRESET',
  'EPIPE',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ERR_SOCKET_CLOSED',
  'ERR_STREAM_DESTROYED',
  'ERR_STREAM_WRITE_AFTER_END',
]);
// ldapts' own texts when the socket closes, errors or a request times out (it destroys the socket then).
const DEAD_TEXT =
  /^(Connection closed before message response|Socket error\.|Socket connection not established|\w+: Operation timed out)/;

/**
 * Whether an operation failed because its connection died (reset, closed, timed out at the socket), as
 * opposed to an LDAP answer (19, 49, 50…: a live DC said no, and would say it again on another connection).
 */
export function isConnectionLost(err: unknown): boolean {
  if (!(err instanceof Error) || ldapCode(err) !== undefined) return false;
  const code = (err as { code?: unknown }).code;
  return (
    err instanceof ConnectionLostError ||
    (typeof code === 'string' && DEAD_SOCKET.has(code)) ||
    DEAD_TEXT.test(err.message)
  );
}

/** A lost connection noticed before the request was written: the DC never saw it, so it is safe to send again. */
export function neverSent(err: unknown): boolean {
  return (
    err instanceof ConnectionLostError ||
    (err instanceof Error && err.message.startsWith('Socket connection not established'))
  );
}
