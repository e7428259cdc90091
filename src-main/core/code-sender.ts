// Sends (or re-sends) a one-time code within the SMS budgets: per typed name, per account, per kiosk/client and
// per installation, and no sooner than `resendAfterSeconds` after the account's previous code — across sessions
// and hosts, so parallel sessions cannot fire a burst of texts at one phone. A failed send gives its points back,
// so a provider fault never costs the user twice.
import { randomBytes } from 'node:crypto';
import { fail, type ClientContext, type CodeSentResponse, type Failure, type LimitScope } from './contract.js';
import type { AuditEvent, AuditSink, SmsBudget, SmsRefusal } from './ports/audit.js';
import type { Clock } from './ports/clock.js';
import type { Logger } from './ports/log.js';
import { maskMobile } from './ports/phone.js';
import type { CodeChannel, SendFailure } from './ports/sms.js';
import type { Session } from './session.js';
import type { Throttles } from './throttle.js';

// The spacing first: a code that may not go yet costs no budget.
const BUDGETS = [
  'smsSpacingPerAccount',
  'smsPerUser',
  'smsPerAccount',
  'smsPerClient',
  'smsGlobal',
] as const satisfies readonly SmsBudget[];

/** A refused send: what the user is told, and what the audit records (e.g. `sms_limit_smsPerAccount`). */
export type NotSent = {
  ok: false;
  answer: Failure;
  outcome: SmsRefusal;
  limit?: SmsBudget;
  /** The budget that refused it (spacing included). */
  budget?: SmsBudget;
};
/** Whose budget ran out, for the wizard's text: the person's own (by name or by account), this kiosk, everyone. */
const SCOPE: Record<SmsBudget, LimitScope> = {
  smsSpacingPerAccount: 'user',
  smsPerUser: 'user',
  smsPerAccount: 'user',
  smsPerClient: 'client',
  smsGlobal: 'all',
};

/** The answer once a code is on its way: the same after the birthdate step and after a resend. */
export const codeSent = (
  mobile: string,
  opts: { resendAfterSeconds: number; codeTtlSeconds: number },
): Extract<CodeSentResponse, { ok: true }> => ({
  ok: true,
  step: 'code',
  maskedMobile: maskMobile(mobile),
  resendAfterSeconds: opts.resendAfterSeconds,
  codeValidSeconds: opts.codeTtlSeconds,
});

/** The installation's daily SMS cap is reached: an admin must look (pumping attack, or a cap set too low). */
export const alertGlobalCap = (log: Logger): void =>
  log.error(
    { alert: 'sms_global_cap' },
    'ADMIN ALERT: daily SMS cap of this installation reached; no codes are sent until it resets',
  );

type SenderDeps = { codeChannel: CodeChannel; throttles: Throttles; log: Logger; audit: AuditSink; now: Clock };

export class CodeSender {
  constructor(
    private readonly deps: SenderDeps,
    private readonly opts: { codeTtlSeconds: number },
  ) {}

  /**
   * On success `session.code` holds the new code's state; the caller saves the session. `spaced: false` (a spent
   * code replaced at once) still marks the account's spacing but is not held back by it.
   */
  async send(
    session: Session,
    client: ClientContext,
    opts: { spaced?: boolean } = {},
  ): Promise<{ ok: true } | NotSent> {
    const { throttles, log, audit } = this.deps;
    const user = session.user;
    if (!user) return { ok: false, answer: fail('session_expired'), outcome: 'session_expired' };
    const keys: Record<SmsBudget, string> = {
      smsSpacingPerAccount: user.accountKey,
      smsPerUser: session.username,
      smsPerAccount: user.accountKey,
      smsPerClient: client.clientId,
      smsGlobal: 'all',
    };
    const account = user.username; // known: codes go only to proven accounts
    const record = (outcome: SmsRefusal | 'ok', extra: Pick<AuditEvent, 'budget' | 'smsFailure'> = {}) =>
      audit.record({ step: 'code_sent', outcome, user: account, client: client.clientId, ...extra });
    const taken: SmsBudget[] = [];
    const giveBack = async () => {
      for (const k of taken) await throttles.refund(k, keys[k]);
    };
    for (const kind of BUDGETS) {
      const t = await throttles.take(kind, keys[kind]);
      if (!t.ok) {
        if (kind === 'smsSpacingPerAccount') {
          if (opts.spaced === false) continue;
          await record('resend_too_soon_smsSpacingPerAccount', { budget: kind }); // another session of this account just got a code
          return {
            ok: false,
            answer: fail('resend_too_soon', { retryAfterSeconds: t.retryAfterSeconds }),
            outcome: 'resend_too_soon_smsSpacingPerAccount',
            budget: kind,
          };
        }
        await giveBack();
        if (kind === 'smsGlobal') alertGlobalCap(log);
        log.warn({ user: account, client: client.clientId, limit: kind }, 'sms budget used up');
        await record(`sms_limit_${kind}`, { budget: kind });
        return {
          ok: false,
          answer: fail('sms_limit', { retryAfterSeconds: Math.max(1, t.retryAfterSeconds), limit: SCOPE[kind] }),
          outcome: `sms_limit_${kind}`,
          limit: kind,
          budget: kind,
        };
      }
      taken.push(kind);
    }

    const issued = await this.deps.codeChannel
      .issue(user.mobile, session.lang, session.purpose ?? 'reset')
      .catch((e: unknown) => {
        log.error({ err: e instanceof Error ? e.message : String(e) }, 'sms channel threw');
        const failure: SendFailure = { ok: false, reason: 'provider_error' };
        return failure;
      });
    if (!issued.ok) {
      await giveBack();
      log.warn({ user: account, reason: issued.reason, providerCode: issued.providerCode }, 'code not sent');
      await record(`failed_${issued.reason}`, { smsFailure: issued.reason });
      // A number the provider calls invalid is a registration problem: the same answer as a wrong birthdate.
      return {
        ok: false,
        answer: fail(issued.reason === 'invalid_number' ? 'identity_failed' : 'sms_failed'),
        outcome: `failed_${issued.reason}`,
      };
    }
    const sentAt = this.deps.now();
    const previous = session.code;
    if (issued.issued.kind === 'remote' && previous?.issued.kind === 'remote' && previous.expiresAt > sentAt) {
      // Twilio Verify re-sends the *same* code while its verification is pending: it keeps its tries and expiry.
      session.code = { ...previous, sentAt };
    } else {
      session.code = {
        issued: issued.issued,
        nonce: randomBytes(8).toString('hex'),
        sentAt,
        expiresAt: sentAt + this.opts.codeTtlSeconds * 1000,
      };
    }
    log.info({ user: account }, 'code sent');
    await record('ok');
    return { ok: true };
  }
}
