// The narrow ports the core needs for one-time codes and notices by SMS.
import type { Lang, Purpose } from '../contract.js';

/** Why a send failed, for the admin log; the user only ever sees `sms_failed` or `identity_failed`. */
export type SendFailure = {
  ok: false;
  /** invalid_number: not a mobile in an allowed country (user sees the generic identity message). */
  reason: 'invalid_number' | 'rate_limited' | 'provider_error' | 'timeout';
  /** Provider code (e.g. Twilio 21211) or errno, for the admin log only. */
  providerCode?: string | number;
};
export type SendOutcome = { ok: true; ref?: string } | SendFailure;

/** Sends a plain text message. The demo outbox and Twilio Messaging implement it. */
export interface SmsSender {
  send(to: string, body: string): Promise<SendOutcome>;
}

/** State the core keeps in the session between issuing and checking a code (serialisable for Redis). */
export type IssuedCode = { kind: 'local'; hash: string; salt: string } | { kind: 'remote'; to: string };

export type CheckOutcome = 'valid' | 'invalid' | 'unavailable';

/**
 * Issues and checks one-time codes. `local` generates, hashes and checks codes itself and sends them with an
 * SmsSender; Twilio Verify generates and checks them remotely. Expiry, tries and resend timing stay in the core.
 */
export interface CodeChannel {
  /** `purpose`: which text goes with the code (a reset's or an unlock's); default a reset's. */
  issue(to: string, lang: Lang, purpose?: Purpose): Promise<{ ok: true; issued: IssuedCode } | SendFailure>;
  check(issued: IssuedCode, code: string): Promise<CheckOutcome>;
}
