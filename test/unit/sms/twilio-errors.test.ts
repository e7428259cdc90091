// The error mapping on the SDK's own exception classes (no network): RestException, TwilioServiceException
// (RFC 9457, not a RestException), axios-style errno errors, our deadline, and a SyntaxError for non-JSON.
import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
import { DeadlineError } from '../../../src-main/sms/twilio-client.js';
import { checkOutcomeFrom, describeTwilioError, scrub, sendFailureFrom } from '../../../src-main/sms/twilio-errors.js';

const rest = (statusCode: number, code?: number, message = 'x') =>
  new twilio.RestException({
    statusCode,
    body: code === undefined ? '<html>bad gateway</html>' : { code, message, status: statusCode },
  });
const errno = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:9`), { code });

describe('sendFailureFrom', () => {
  it.each([
    [21211, 'invalid_number'],
    [21214, 'invalid_number'],
    [21217, 'invalid_number'],
    [21408, 'invalid_number'],
    [21608, 'invalid_number'],
    [21610, 'invalid_number'],
    [21612, 'invalid_number'],
    [21614, 'invalid_number'],
    [60200, 'invalid_number'],
    [60205, 'invalid_number'],
    [20429, 'rate_limited'],
    [14107, 'rate_limited'],
    [60203, 'rate_limited'],
    [60410, 'rate_limited'],
    [20003, 'provider_error'],
    [21606, 'provider_error'],
    [20500, 'provider_error'],
  ])('RestException code %i → %s', (code, reason) => {
    expect(sendFailureFrom(rest(code === 20500 ? 500 : 400, code))).toEqual({ ok: false, reason, providerCode: code });
  });

  it('HTTP status without a Twilio code: 429 → rate_limited, 5xx/non-JSON → provider_error', () => {
    expect(sendFailureFrom(rest(429))).toEqual({ ok: false, reason: 'rate_limited', providerCode: 429 });
    expect(sendFailureFrom(rest(502))).toEqual({ ok: false, reason: 'provider_error', providerCode: 502 });
    expect(sendFailureFrom(rest(503))).toEqual({ ok: false, reason: 'provider_error', providerCode: 503 });
  });

  it('network: timeouts → timeout, refused/DNS/reset → provider_error', () => {
    expect(sendFailureFrom(errno('ECONNABORTED'))).toEqual({
      ok: false,
      reason: 'timeout',
      providerCode: 'ECONNABORTED',
    });
    expect(sendFailureFrom(new DeadlineError(10_500))).toEqual({
      ok: false,
      reason: 'timeout',
      providerCode: 'ETIMEDOUT',
    });
    expect(sendFailureFrom(errno('ECONNREFUSED'))).toEqual({
      ok: false,
      reason: 'provider_error',
      providerCode: 'ECONNREFUSED',
    });
    expect(sendFailureFrom(errno('ENOTFOUND'))).toEqual({
      ok: false,
      reason: 'provider_error',
      providerCode: 'ENOTFOUND',
    });
    expect(sendFailureFrom(new SyntaxError('Unexpected token <'))).toEqual({ ok: false, reason: 'provider_error' });
    expect(sendFailureFrom('a string')).toEqual({ ok: false, reason: 'provider_error' });
  });
});

describe('checkOutcomeFrom', () => {
  it('only a definite "no pending verification / no more tries" is invalid; everything else leaves the try', () => {
    expect(checkOutcomeFrom(rest(404, 20404))).toBe('invalid');
    expect(checkOutcomeFrom(rest(429, 60202))).toBe('invalid');
    expect(checkOutcomeFrom(rest(429, 20429))).toBe('unavailable');
    expect(checkOutcomeFrom(rest(503, 20503))).toBe('unavailable');
    expect(checkOutcomeFrom(rest(401, 20003))).toBe('unavailable');
    expect(checkOutcomeFrom(errno('ECONNABORTED'))).toBe('unavailable');
    expect(checkOutcomeFrom(errno('ECONNREFUSED'))).toBe('unavailable');
  });
});

describe('describeTwilioError', () => {
  it('keeps status, code and errno; scrubs the number Twilio echoes', () => {
    const e = rest(400, 21211, "The 'To' number +31612345678 is not a valid phone number.");
    expect(describeTwilioError(e)).toEqual({
      status: 400,
      providerCode: 21211,
      detail: "The 'To' number [digits] is not a valid phone number.",
    });
    expect(describeTwilioError(errno('ECONNREFUSED'))).toMatchObject({ errno: 'ECONNREFUSED' });
  });

  it('scrub hides codes and numbers in any notation, keeps short numbers', () => {
    expect(scrub('code 123456 for 06-1234 5678 or +31 (0)6 12345678')).toBe('code [digits] for [digits] or [digits]');
    expect(scrub('[HTTP 502] timeout of 10000ms exceeded, error 21211')).toBe(
      '[HTTP 502] timeout of 10000ms exceeded, error 21211',
    );
  });
});
