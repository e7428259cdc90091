// Step 2 as the user meets it: the birthdate is checked (identity.ts), then the first code is sent
// (code-sender.ts). One check per session at a time, also across hosts (a claim, like the password write's):
// a burst of requests on one session gets one check and at most one text. Unknown user, wrong date, spent
// account budget, no usable mobile, disabled: one answer, one status, one duration (OWASP).
import { parseBirthdate } from './birthdate.js';
import { alertGlobalCap, codeSent, type CodeSender } from './code-sender.js';
import { fail, type ClientContext, type Request, type Responses } from './contract.js';
import type { CoreEvent } from './events.js';
import type { IdentityCheck, IdentityRefusal } from './identity.js';
import type { LockoutWatch } from './lockout-watch.js';
import type { AuditOutcome, AuditSink } from './ports/audit.js';
import type { Logger } from './ports/log.js';
import type { SessionStore } from './ports/store.js';
import { CLAIM_MS, type Session, type SessionUser } from './session.js';
import type { BudgetKind } from './throttle.js';
import { padTo } from './timing.js';

export type IdentityStepDeps = {
  sessions: SessionStore;
  identity: IdentityCheck;
  sender: CodeSender;
  watch: LockoutWatch;
  audit: AuditSink;
  log: Logger;
  /** The session for a step, or undefined (expired, wiped, at another step). */
  load(id: string, step: Session['step']): Promise<Session | undefined>;
  /** Who, for the log and audit: the account once known, else a pseudonym of what was typed. */
  who(session: Session, account?: string): string;
  /** Tells the session's subject and its next step (core/events.ts). */
  emit(event: CoreEvent): void;
  /** The code went out for a reset: the code step will want this user's password policy (Directory port). */
  warmPolicy?(user: SessionUser): void;
};
export type IdentityStepOptions = { identityFloorMs: number; resendAfterSeconds: number; codeTtlSeconds: number };

/** The budget behind a refused birthdate step, for the audit's readers (metrics count refusals per budget). */
const REFUSED_BY: Partial<Record<IdentityRefusal, BudgetKind>> = {
  blocked_user: 'identityPerUser',
  blocked_client: 'identityPerClient',
  blocked_account: 'identityPerAccount',
  sms_limit_smsPerClient: 'smsPerClient',
  sms_limit_smsGlobal: 'smsGlobal',
};

type Answer = Responses['verifyIdentity'];

export function identityStep(
  deps: IdentityStepDeps,
  opts: IdentityStepOptions,
): (req: Request<'verifyIdentity'>, client: ClientContext) => Promise<Answer> {
  const { sessions, identity, sender, watch, audit, log } = deps;

  async function check(session: Session, date: string, client: ClientContext, started: number): Promise<Answer> {
    const answer = async (
      outcome: AuditOutcome,
      value: Answer,
      account?: string,
      budget?: BudgetKind,
    ): Promise<Answer> => {
      await audit.record({
        step: 'identity',
        outcome,
        user: deps.who(session, account),
        client: client.clientId,
        ...(budget ? { budget } : {}),
      });
      return padTo(started, opts.identityFloorMs, value);
    };

    const checked = await identity.check(session.username, date, client.clientId);
    if (!checked.ok) {
      const entry = {
        user: deps.who(session, checked.account),
        client: client.clientId,
        reason: checked.reason,
        ...(checked.detail ? { detail: checked.detail } : {}),
      };
      if (checked.code === 'unavailable') log.error(entry, 'identity not checked');
      else log.info(entry, 'identity refused');
      if (checked.reason === 'sms_limit_smsGlobal') alertGlobalCap(log);
      if (checked.lockout)
        await watch.noted({
          client: client.clientId,
          account: checked.account,
          accountKey: checked.accountKey,
          reason: checked.reason,
        });
      const { retryAfterSeconds, limit, attemptsLeft } = checked;
      const extra = {
        ...(retryAfterSeconds ? { retryAfterSeconds } : {}),
        ...(limit ? { limit } : {}),
        ...(attemptsLeft !== undefined ? { attemptsLeft } : {}),
      };
      // A repeated date is audited as such: the servicedesk reads "same date again" as "her date is right".
      return answer(
        checked.repeated ? `${checked.reason}_same_date` : checked.reason,
        fail(checked.code, extra),
        checked.account,
        REFUSED_BY[checked.reason],
      );
    }
    const user = checked.user;
    session.user = user;
    const sent = await sender.send(session, client);
    // A number the provider calls invalid is a registration problem: counted and answered like a wrong date.
    if (!sent.ok && sent.answer.code === 'identity_failed')
      return answer('mobile_refused_by_provider', fail('identity_failed', { attemptsLeft: checked.attemptsLeft }));
    if (checked.counted) await identity.giveBack(session.username, client.clientId, user.accountKey);
    if (!sent.ok) {
      if (sent.limit === 'smsPerUser' || sent.limit === 'smsPerAccount') {
        // The right birthdate met a spent SMS budget: someone who knows it keeps asking for codes, or the owner
        // is stuck. Either way an admin should know (the answer stays `sms_limit`, as for the owner).
        log.warn(
          {
            alert: 'sms_budget_spent_after_birthdate',
            user: user.username,
            client: client.clientId,
            limit: sent.limit,
          },
          "right birthdate, but this person's SMS budget is spent",
        );
        await watch.noted({
          client: client.clientId,
          account: user.username,
          accountKey: user.accountKey,
          reason: sent.outcome,
        });
        return answer(`birthdate_ok_${sent.outcome}`, sent.answer);
      }
      return answer(sent.outcome, sent.answer, undefined, sent.budget);
    }
    session.step = 'code';
    await sessions.save(session);
    // Read while the answer is padded and the code is typed: the code step then has no directory read to wait for.
    if (session.purpose !== 'unlock') deps.warmPolicy?.(user);
    const ids = { sessionId: session.id, client: client.clientId };
    deps.emit({ type: 'subject', ...ids, account: user.username });
    deps.emit({ type: 'step', ...ids, purpose: session.purpose ?? 'reset', step: 'code' });
    return answer('ok', codeSent(user.mobile, opts));
  }

  return async ({ sessionId, birthdate }, client) => {
    const started = Date.now(); // padTo pads in real time, whatever clock the flow was given
    const first = await deps.load(sessionId, 'identity');
    if (!first) return fail('session_expired');
    const date = parseBirthdate(birthdate);
    if (!date) return fail('birthdate_format'); // a typo in the format never counts as a failed try
    // Nothing here depends on the account: a refused claim tells nothing about who exists.
    if (!(await sessions.claim(first.id, CLAIM_MS))) return fail('identity_in_progress');
    try {
      // Read again under the claim: a check that held it before may have moved the session on.
      const session = await deps.load(sessionId, 'identity');
      return session ? await check(session, date, client, started) : fail('session_expired');
    } finally {
      await sessions.release(first.id).catch(() => {});
    }
  };
}
