// CodeChannel over Twilio Verify v2: Twilio generates the code, texts it with its own localised template
// (locale nl/en; the service's friendly name is the organisation in that text) and checks it. Our throttles
// still apply on top: per-user/kiosk/global send budgets, 30 s resend, 3 checks per code, our own expiry.
// Twilio keeps its own limits too (5 sends and 5 checks per verification, 10 min validity).
import type { Lang } from '../core/contract.js';
import type { Logger } from '../core/ports/log.js';
import { maskMobile } from './phone.js';
import { withCallDeadline, type TwilioHandle } from './twilio-client.js';
import { checkOutcomeFrom, describeTwilioError, sendFailureFrom } from './twilio-errors.js';
import type { CheckOutcome, CodeChannel, IssuedCode, SendFailure } from '../core/ports/sms.js';

export class TwilioVerifyChannel implements CodeChannel {
  constructor(
    private readonly twilio: TwilioHandle,
    private readonly serviceSid: string,
    private readonly log: Logger,
  ) {}

  /** The SDK's first import is not the call: callers start the deadline after this. */
  private async service() {
    return (await this.twilio.client()).verify.v2.services(this.serviceSid);
  }

  async issue(to: string, lang: Lang): Promise<{ ok: true; issued: IssuedCode } | SendFailure> {
    try {
      // A new verification for a number with one pending re-sends the same code (Twilio reuses it).
      const v = await withCallDeadline(
        (await this.service()).verifications.create({ to, channel: 'sms', locale: lang }),
        this.twilio.timeoutMs,
      );
      if (v.status !== 'pending') {
        this.log.warn(
          { provider: 'twilio-verify', recipient: maskMobile(to), status: v.status },
          'twilio verification not pending',
        );
        return { ok: false, reason: 'provider_error', providerCode: `status:${v.status}` };
      }
      return { ok: true, issued: { kind: 'remote', to } };
    } catch (e) {
      const failure = sendFailureFrom(e);
      this.log.warn(
        { provider: 'twilio-verify', recipient: maskMobile(to), reason: failure.reason, ...describeTwilioError(e) },
        'twilio verification not sent',
      );
      return failure;
    }
  }

  /** approved → valid; pending/canceled/expired, 20404 and 60202 → invalid; 5xx, 429, timeout → unavailable. */
  async check(issued: IssuedCode, code: string): Promise<CheckOutcome> {
    if (issued.kind !== 'remote') return 'invalid';
    try {
      const c = await withCallDeadline(
        (await this.service()).verificationChecks.create({ to: issued.to, code }),
        this.twilio.timeoutMs,
      );
      return c.status === 'approved' && c.valid !== false ? 'valid' : 'invalid';
    } catch (e) {
      const outcome = checkOutcomeFrom(e);
      const level = outcome === 'invalid' ? 'info' : 'warn';
      this.log[level](
        { provider: 'twilio-verify', recipient: maskMobile(issued.to), outcome, ...describeTwilioError(e) },
        'twilio verification check failed',
      );
      return outcome;
    }
  }
}
