// Twilio failures → the core's SendFailure / CheckOutcome, plus a log-safe description for the admin.
// The SDK rejects with RestException (legacy body), TwilioServiceException (RFC 9457 body, not a RestException,
// twilio-node src/base/), an AxiosError (ECONNABORTED on timeout, ECONNREFUSED, … axios' AxiosError) or a SyntaxError (2xx non-JSON).
// We read them by shape: both exception classes carry a numeric `status` and a Twilio `code`.
import type { CheckOutcome, SendFailure } from '../core/ports/sms.js';

/** The number cannot get this text: the same generic answer as a wrong birthdate (no enumeration). */
const INVALID_NUMBER = new Set([
  21211, // invalid 'To' phone number
  21214, // 'To' number cannot be reached
  21217, // phone number does not appear to be valid
  21401, // invalid phone number
  21407, // this phone number type does not support SMS
  21408, // no permission to send to this region (geo permissions: an SMS-pumping guard)
  21421, // PhoneNumber is invalid
  21608, // trial account: number not verified
  21610, // recipient replied STOP (unsubscribed)
  21612, // 'To' number not reachable via SMS
  21614, // 'To' number is not a mobile number
  60200, // Verify: invalid parameter (usually the To)
  60205, // Verify: SMS not supported by a landline
]);

/** Try again later. */
const RATE_LIMITED = new Set([
  20429, // too many requests
  14107, // SMS send rate limit exceeded
  60203, // Verify: max send attempts reached for this number
  60212, // Verify: too many concurrent requests for this number
  60410, // Verify Fraud Guard: prefix temporarily blocked
]);

/** A check that can never succeed: the user needs a new code, not a "provider down" message. */
const CHECK_INVALID = new Set([
  20404, // no pending verification: expired, approved already, or never sent (twilio.com/docs/api/errors/20404)
  60202, // max check attempts reached
  60200, // invalid parameter (e.g. a malformed code)
  60023, // no pending verifications for this number
]);

const TIMEOUT_ERRNO = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);

export type TwilioFault = { status?: number; providerCode?: number; errno?: string; detail: string };

/** What went wrong, with every digit run that could be a phone number or a code scrubbed. */
export function describeTwilioError(e: unknown): TwilioFault {
  const err = (typeof e === 'object' && e !== null ? e : {}) as {
    status?: unknown;
    code?: unknown;
    message?: unknown;
    title?: unknown;
    name?: unknown;
  };
  const status = typeof err.status === 'number' ? err.status : undefined;
  const fault: TwilioFault = { detail: scrub(String(err.message ?? err.title ?? err.name ?? e)) };
  if (status !== undefined) fault.status = status;
  if (typeof err.code === 'number' && err.code !== 0) fault.providerCode = err.code;
  if (status === undefined && typeof err.code === 'string') fault.errno = err.code;
  return fault;
}

/** Mapping for a send (messages.create, verifications.create). */
export function sendFailureFrom(e: unknown): SendFailure {
  const f = describeTwilioError(e);
  const providerCode = f.providerCode ?? f.errno ?? f.status;
  const failure = (reason: SendFailure['reason']): SendFailure =>
    providerCode === undefined ? { ok: false, reason } : { ok: false, reason, providerCode };
  if (f.errno && TIMEOUT_ERRNO.has(f.errno)) return failure('timeout');
  if (f.providerCode !== undefined && INVALID_NUMBER.has(f.providerCode)) return failure('invalid_number');
  if (f.status === 429 || (f.providerCode !== undefined && RATE_LIMITED.has(f.providerCode)))
    return failure('rate_limited');
  // 5xx, 401/403 (credentials), other 4xx, non-JSON bodies, ECONNREFUSED, DNS: the provider path is broken.
  return failure('provider_error');
}

/** Mapping for verificationChecks.create: only a definite "no" is `invalid`; faults leave the try unspent. */
export function checkOutcomeFrom(e: unknown): CheckOutcome {
  const f = describeTwilioError(e);
  return f.providerCode !== undefined && CHECK_INVALID.has(f.providerCode) ? 'invalid' : 'unavailable';
}

/** Twilio messages echo the number ("The 'To' number +316… is not valid"): hide any run of 6+ digits (a code, a number). */
export function scrub(text: string): string {
  return text
    .replace(/\+?\d[\d\s().-]*\d/g, (run) => (run.replace(/\D/g, '').length >= 6 ? '[digits]' : run))
    .slice(0, 200);
}
