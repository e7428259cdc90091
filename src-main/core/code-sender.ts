// Sends (or re-sends) a one-time code within the SMS budgets: per user, per kiosk/client and per installation.
// A failed send gives its points back, so a provider fault never costs the user twice.
import { randomBytes } from 'node:crypto';
import { fail, type ClientContext, type Failure, type LimitScope } from './contract.js';
import type { AuditSink } from './ports/audit.js';
import type { Clock } from './ports/clock.js';
import type { Logger } from './ports/log.js';
import type { CodeChannel, SendFailure } from './ports/sms.js';
import type { Session } from './session.js';
import type { LimitKind, Throttles } from './throttle.js';

const BUDGETS: LimitKind[] = ['smsPerUser', 'smsPerClient', 'smsGlobal'];
/** Whose budget ran out, for the wizard's text; the code is only sent after the identity was proven. */
const SCOPE: Partial<Record<LimitKind, LimitScope>> = { smsPerUser: 'user', smsPerClient: 'client', smsGlobal: 'all' };

/** The installation's daily SMS cap is reached: an admin must look (pumping attack, or a cap set too low). */
export const alertGlobalCap = (log: Logger): void =>
  log.error({ alert: 'sms_global_cap' }, 'ADMIN ALERT: daily SMS cap of this installation reached; no codes are sent until it resets');

export class CodeSender {
  private readonly codeChannel: CodeChannel;
  private readonly throttles: Throttles;
  private readonly log: Logger;
  private readonly audit: AuditSink;
  private readonly now: Clock;

  constructor(
    deps: { codeChannel: CodeChannel; throttles: Throttles; log: Logger; audit: AuditSink; now: Clock },
    private readonly opts: { codeTtlSeconds: number },
  ) {
    ({ codeChannel: this.codeChannel, throttles: this.throttles, log: this.log, audit: this.audit, now: this.now } = deps);
  }

  /** On success `session.code` holds the new code's state; the caller saves the session. */
  async send(session: Session, client: ClientContext): Promise<{ ok: true } | Failure> {
    if (!session.user) return fail('session_expired');
    const keys: Record<string, string> = { smsPerUser: session.username, smsPerClient: client.clientId, smsGlobal: 'all' };
    const taken: LimitKind[] = [];
    const account = session.user.username; // known: codes go only to proven accounts
    const record = (outcome: string) => this.audit.record({ step: 'code_sent', outcome, user: account, client: client.clientId });
    for (const kind of BUDGETS) {
      const t = await this.throttles.take(kind, keys[kind]!);
      if (!t.ok) {
        for (const k of taken) await this.throttles.refund(k, keys[k]!);
        if (kind === 'smsGlobal') alertGlobalCap(this.log);
        this.log.warn({ user: account, client: client.clientId, limit: kind }, 'sms budget used up');
        await record(`sms_limit_${kind}`);
        return fail('sms_limit', { retryAfterSeconds: Math.max(1, t.retryAfterSeconds), limit: SCOPE[kind] });
      }
      taken.push(kind);
    }

    const issued = await this.codeChannel.issue(session.user.mobile, session.lang).catch((e: unknown) => {
      this.log.error({ err: e instanceof Error ? e.message : String(e) }, 'sms channel threw');
      const failure: SendFailure = { ok: false, reason: 'provider_error' };
      return failure;
    });
    if (!issued.ok) {
      for (const k of taken) await this.throttles.refund(k, keys[k]!);
      this.log.warn({ user: account, reason: issued.reason, providerCode: issued.providerCode }, 'code not sent');
      await record(`failed_${issued.reason}`);
      // A number the provider calls invalid is a registration problem: the same answer as a wrong birthdate.
      return fail(issued.reason === 'invalid_number' ? 'identity_failed' : 'sms_failed');
    }
    const sentAt = this.now();
    const previous = session.code;
    if (issued.issued.kind === 'remote' && previous?.issued.kind === 'remote' && previous.expiresAt > sentAt) {
      // Twilio Verify re-sends the *same* code while its verification is pending: it keeps its tries and expiry.
      session.code = { ...previous, sentAt };
    } else {
      session.code = { issued: issued.issued, nonce: randomBytes(8).toString('hex'), sentAt, expiresAt: sentAt + this.opts.codeTtlSeconds * 1000 };
    }
    this.log.info({ user: account }, 'code sent');
    await record('ok');
    return { ok: true };
  }
}
