// The reset, top to bottom: start → identity (birthdate) → code (SMS) → password → done; an unlock session
// (`purpose: 'unlock'`) takes the same steps and budgets and ends in `unlock` instead of a new password.
// All state lives here, server-side; the renderer only ever holds a session id. Every step answers with a
// result code (contract.ts), never an exception: fault-barrier.ts turns faults into `internal` at the edge.
import { fail, type ClientContext, type Lang, type ResetService, type Servicedesk } from './contract.js';
import { CodeSender, codeSent } from './code-sender.js';
import type { CoreEvent, CoreEvents, SessionStep } from './events.js';
import { IdentityCheck } from './identity.js';
import { identityStep } from './identity-step.js';
import { LockoutWatch } from './lockout-watch.js';
import { cleanCode } from './otp.js';
import { judgePassword, sessionPolicy } from './password-rules.js';
import { allPass, forbiddenWords } from './policy.js';
import type { AuditOutcome, AuditSink } from './ports/audit.js';
import { systemClock, type Clock } from './ports/clock.js';
import type { Directory, ResetOutcome, UnlockOutcome } from './ports/directory.js';
import type { Logger } from './ports/log.js';
import type { PasswordScreen } from './ports/passwords.js';
import type { MobileCheck } from './ports/phone.js';
import type { CodeChannel, SmsSender } from './ports/sms.js';
import type { SessionStore } from './ports/store.js';
import { pseudonymiser, type Pseudonymise } from './pseudonym.js';
import { CLAIM_MS, newSessionId, type Session, type SessionUser } from './session.js';
import type { BudgetKind, Throttles } from './throttle.js';
import { newCorrelationId } from './timing.js';
import { nameKey, normaliseUsername } from './username.js';

export type FlowOptions = {
  organisation: string;
  servicedesk: Servicedesk;
  applications: string[];
  defaultLang: Lang;
  demo: boolean;
  minLength: number;
  mustChangeAtNextLogon: boolean;
  codeTtlSeconds: number;
  resendAfterSeconds: number;
  sessionTtlSeconds: number;
  idleSeconds: number;
  /** Idle limit on the code step, as resolved by config/runtime.ts (at least the code's validity and idleSeconds). */
  codeIdleSeconds: number;
  doneSeconds: number;
  identityFloorMs: number;
  mobileRegistration: Record<Lang, string>;
  /** Where the code arrives, for the wizard's texts ("via sms", "via de SMSPasscode app"). */
  channelName: Record<Lang, string>;
  /** Sends "your password was changed"; undefined = off. */
  changedNotice?: ((lang: Lang) => string) | undefined;
  /** Sends "your account was unlocked"; undefined = off. */
  unlockedNotice?: ((lang: Lang) => string) | undefined;
};

export type FlowDeps = {
  directory: Directory;
  /** Issues and checks one-time codes (our SMS text, or Twilio Verify). */
  codeChannel: CodeChannel;
  /** Sends the "password changed" text; undefined = off. */
  notices?: SmsSender | undefined;
  /** Only mobile numbers in the allowed countries pass (sms/phone.ts; sms/mobile.ts loads it when first needed). */
  mobile: MobileCheck;
  sessions: SessionStore;
  throttles: Throttles;
  audit: AuditSink;
  log: Logger;
  now?: Clock;
  /** How typed names that are no known account appear in the log and audit (default: per-process key). */
  pseudonymise?: Pseudonymise;
  /** Work that must not delay an answer (the "password changed" SMS); the host awaits it on shutdown. */
  background?: (task: Promise<unknown>) => void;
  /** The banned-password rule (common, guessable, optionally breached); undefined = the rule is off. */
  screen?: PasswordScreen | undefined;
  /** Where the core's typed events go (core/events.ts); the audit sink above is wrapped by the same hub. */
  events?: CoreEvents | undefined;
};

export function createResetFlow(deps: FlowDeps, opts: FlowOptions): ResetService {
  const { directory, sessions, throttles, audit, log } = deps;
  const now = deps.now ?? systemClock;
  const sender = new CodeSender({ codeChannel: deps.codeChannel, throttles, log, audit, now }, opts);
  const pseudonymise = deps.pseudonymise ?? pseudonymiser();
  // Keyed like the pseudonyms (the same key on every host), so a repeat is one across hosts and no date is stored.
  const identity = new IdentityCheck(directory, throttles, deps.mobile, (name, date) =>
    pseudonymise(`birthdate\u0000${nameKey(name)}\u0000${date}`),
  );
  /** Who, for the log and audit: the account once the directory named it, else a pseudonym of what was typed. */
  const who = (s: Session, account?: string) => account ?? s.user?.username ?? pseudonymise(s.username);

  /** The session for a step, or undefined when it expired, was wiped, or is at another step. */
  const load = async (id: string, step: Session['step']) => {
    const s = await sessions.get(id);
    return s && s.step === step && s.expiresAt > now() ? s : undefined;
  };
  const watch = new LockoutWatch(throttles, log, audit);
  const emit = (event: CoreEvent) => deps.events?.emit(event);
  /** The session reached `step`: for the kiosk's tracker (it ends its own session after done/ended). */
  const stepped = (session: Session, client: ClientContext, step: SessionStep) =>
    emit({ type: 'step', sessionId: session.id, client: client.clientId, purpose: session.purpose ?? 'reset', step });
  const warmPolicy = (user: SessionUser) => directory.warmPasswordPolicy?.(user);
  const verifyIdentity = identityStep(
    { sessions, identity, sender, watch, audit, log, load, who, emit, warmPolicy },
    opts,
  );

  /**
   * The directory write succeeded: from here on nothing may turn the answer into a failure. The typed name's
   * identity tries are not cleared: the wizard shows how many are left, and a count that jumps back after a reset
   * would tell a watcher that the name is a real, active account.
   */
  const succeeded = async (
    session: Session,
    user: SessionUser,
    record: (o: 'ok') => Promise<void>,
    notice: ((lang: Lang) => string) | undefined,
  ): Promise<void> => {
    const followUps: [string, () => Promise<void>][] = [
      ['wipe session', () => sessions.delete(session.id)],
      ['audit', () => record('ok')],
    ];
    for (const [what, step] of followUps)
      await step().catch((e: Error) =>
        log.error(
          { user: user.username, err: e.message },
          `after a successful ${session.purpose ?? 'reset'}: ${what} failed`,
        ),
      );
    if (deps.notices && notice) {
      // Not awaited: the user's answer must not wait for (or fail with) the SMS provider.
      const sending = deps.notices
        .send(user.mobile, notice(session.lang))
        .then(
          (sent) =>
            sent.ok ||
            log.warn({ user: user.username, reason: sent.reason, providerCode: sent.providerCode }, 'notice not sent'),
        )
        .catch((e: Error) => log.warn({ user: user.username, err: e.message }, 'notice not sent'));
      deps.background?.(sending);
    }
  };

  /** One directory write per session, also across hosts: a double submit must not write twice. */
  const claimed = async <T>(session: Session, write: () => Promise<T>): Promise<T | undefined> => {
    if (!(await sessions.claim(session.id, CLAIM_MS))) return undefined;
    try {
      return await write();
    } finally {
      await sessions.release(session.id).catch(() => {});
    }
  };

  return {
    info() {
      const {
        organisation,
        servicedesk,
        defaultLang,
        idleSeconds,
        codeIdleSeconds,
        doneSeconds,
        minLength,
        demo,
        mobileRegistration,
        channelName,
      } = opts;
      return Promise.resolve({
        ok: true,
        organisation,
        servicedesk,
        defaultLang,
        idleSeconds,
        codeIdleSeconds,
        doneSeconds,
        minLength,
        demo,
        mobileRegistration,
        channelName,
      });
    },

    async start({ username, lang, purpose }, client) {
      const started = await throttles.take('startsPerClient', client.clientId);
      if (!started.ok)
        return fail('blocked', { limit: 'client', retryAfterSeconds: Math.max(1, started.retryAfterSeconds) });
      const name = normaliseUsername(username);
      if (!name) return fail('username_required');
      const session: Session = {
        id: newSessionId(),
        step: 'identity',
        username: name,
        lang: lang ?? opts.defaultLang,
        expiresAt: now() + opts.sessionTtlSeconds * 1000,
        ...(purpose === 'unlock' ? { purpose } : {}),
      };
      await sessions.save(session);
      await audit.record({ step: 'start', outcome: 'ok', user: pseudonymise(name), client: client.clientId });
      stepped(session, client, 'identity');
      // Always "go to birthdate": nothing here depends on whether the account exists.
      return { ok: true, sessionId: session.id, step: 'identity' };
    },

    verifyIdentity,

    async resendCode({ sessionId }, client) {
      const session = await load(sessionId, 'code');
      if (!session?.user || !session.code) return fail('session_expired');
      // A code that can no longer be used (expired, or its tries spent) is replaced at once: the wizard tells the
      // user to ask for a new one. Only the SMS budgets apply then; each new code still has only its own tries.
      const spent =
        session.code.expiresAt <= now() ||
        (await throttles.blockedFor('codeChecks', `${session.id}:${session.code.nonce}`)) > 0;
      const wait = spent ? 0 : Math.ceil((session.code.sentAt + opts.resendAfterSeconds * 1000 - now()) / 1000);
      if (wait > 0) return fail('resend_too_soon', { retryAfterSeconds: wait });
      // The account's spacing between texts gives way too: this session's code is of no more use to anyone.
      const sent = await sender.send(session, client, { spaced: !spent });
      if (!sent.ok) return sent.answer.code === 'identity_failed' ? fail('sms_failed') : sent.answer;
      await sessions.save(session);
      return codeSent(session.user.mobile, opts);
    },

    async verifyCode({ sessionId, code }, client) {
      const session = await load(sessionId, 'code');
      if (!session?.user || !session.code) return fail('session_expired');
      const typed = cleanCode(code);
      if (!typed) return fail('code_format'); // not a try: only real guesses count
      if (session.code.expiresAt <= now()) return fail('code_expired');
      const record = (outcome: 'ok' | 'code_wrong' | 'code_limit_codeChecksPerAccount', budget?: BudgetKind) =>
        audit.record({
          step: 'code',
          outcome,
          user: who(session),
          client: client.clientId,
          ...(budget ? { budget } : {}),
        });
      // Atomic in Redis too, so two hosts cannot both grant the last try. Each code has its 3 tries, and the
      // account its 15 a day however many sessions and spellings it is reached by.
      const codeKey = `${session.id}:${session.code.nonce}`;
      const tries = await throttles.take('codeChecks', codeKey);
      if (!tries.ok) return fail('code_attempts_exceeded');
      const accountTries = await throttles.take('codeChecksPerAccount', session.user.accountKey);
      if (!accountTries.ok) {
        await throttles.refund('codeChecks', codeKey);
        log.warn(
          { user: who(session), client: client.clientId, limit: 'codeChecksPerAccount' },
          'code checks of this account used up',
        );
        await record('code_limit_codeChecksPerAccount', 'codeChecksPerAccount');
        return fail('code_attempts_exceeded');
      }
      const outcome = await deps.codeChannel.check(session.code.issued, typed);
      if (outcome === 'unavailable') {
        await throttles.refund('codeChecks', codeKey);
        await throttles.refund('codeChecksPerAccount', session.user.accountKey);
        return fail('unavailable');
      }
      if (outcome === 'invalid') {
        await record('code_wrong');
        return tries.remaining > 0
          ? fail('code_wrong', { attemptsLeft: tries.remaining })
          : fail('code_attempts_exceeded');
      }
      delete session.code;
      // The code reached its owner: the account's spacing between texts has done its job, so a next reset or
      // unlock (the nurse who unlocks and then changes her password) need not wait for it.
      await throttles.clear('smsSpacingPerAccount', session.user.accountKey);
      if (session.purpose === 'unlock') {
        session.step = 'unlock'; // no password follows: no policy to read
        await sessions.save(session);
        await record('ok');
        stepped(session, client, 'unlock');
        return { ok: true, step: 'unlock' };
      }
      session.step = 'password';
      // This user's rules, now that we know who it is: the directory may be stricter than the config (a PSO).
      session.policy = await sessionPolicy(
        directory,
        session.user,
        { minLength: opts.minLength, screen: deps.screen },
        log,
      );
      await sessions.save(session);
      await record('ok');
      stepped(session, client, 'password');
      return { ok: true, step: 'password', forbiddenWords: forbiddenWords(session.user), policy: session.policy };
    },

    async setPassword({ sessionId, password, repeat }, client) {
      const session = await load(sessionId, 'password');
      if (!session?.user) return fail('session_expired');
      if (password !== repeat) return fail('password_mismatch');
      // Bounded per session: each judgement may ask the banned list (and HIBP), so it is no free oracle.
      const checks = await throttles.take('passwordChecks', session.id);
      if (!checks.ok) return fail('blocked');
      // The wizard warns before the last two checks: after them only a new session helps.
      const left = checks.remaining <= 2 ? { attemptsLeft: checks.remaining } : {};
      const policy =
        session.policy ??
        (await sessionPolicy(directory, session.user, { minLength: opts.minLength, screen: deps.screen }, log));
      const rules = await judgePassword(password, session.user, policy, deps.screen);
      if (!allPass(rules)) return fail('password_policy', { rules, ...left });
      const record = (outcome: AuditOutcome) =>
        audit.record({ step: 'password', outcome, user: who(session), client: client.clientId });
      const user = session.user;
      const result: ResetOutcome | undefined = await claimed(session, () =>
        directory.resetPassword(user, password, { mustChangeAtNextLogon: opts.mustChangeAtNextLogon }),
      );
      if (!result) return fail('password_in_progress');
      if (result.ok) {
        await succeeded(session, user, record, opts.changedNotice);
        stepped(session, client, 'done');
        return { ok: true, step: 'done', applications: opts.applications };
      }
      await record(result.reason);
      if (result.reason === 'history')
        return fail('password_policy', {
          rules: rules.map((r) => (r.id === 'history' ? { ...r, ok: false } : r)),
          ...left,
        });
      if (result.reason === 'policy') return fail('password_rejected', { rules, ...left });
      log.error({ user: who(session), reason: result.reason, detail: result.detail }, 'password reset not completed');
      if (result.reason === 'unavailable') return fail('unavailable');
      if (result.reason === 'uncertain') {
        await sessions.delete(session.id); // do not invite a second write of an unknown first one
        stepped(session, client, 'ended');
        return fail('reset_uncertain');
      }
      // `rights`: the service account may not reset this account (an admin, outside the OU): admin-facing.
      const correlationId = newCorrelationId();
      log.error({ correlationId, user: who(session) }, 'the service account may not reset this account');
      return fail('internal', { correlationId });
    },

    async unlock({ sessionId }, client) {
      const session = await load(sessionId, 'unlock');
      if (!session?.user) return fail('session_expired');
      const user = session.user;
      const record = (outcome: AuditOutcome) =>
        audit.record({ step: 'unlock', outcome, user: who(session), client: client.clientId });
      const result: UnlockOutcome | undefined = await claimed(session, () => directory.unlock(user));
      if (!result) return fail('password_in_progress');
      if (result.ok) {
        await succeeded(session, user, record, opts.unlockedNotice);
        stepped(session, client, 'done');
        return { ok: true, step: 'unlocked' };
      }
      await record(result.reason);
      log.error({ user: who(session), reason: result.reason, detail: result.detail }, 'unlock not completed');
      if (result.reason === 'unavailable') return fail('unavailable');
      const correlationId = newCorrelationId(); // `rights`: admin-facing, like a refused reset
      log.error({ correlationId, user: who(session) }, 'the service account may not unlock this account');
      return fail('internal', { correlationId });
    },

    async cancel({ sessionId }, client: ClientContext) {
      // No session: the person leaves before starting or after the end; nothing to wipe here (the kiosk logs off).
      const session = sessionId ? await sessions.get(sessionId) : undefined;
      if (session) {
        await sessions.delete(session.id);
        await audit.record({ step: 'cancel', outcome: 'ok', user: who(session), client: client.clientId });
        stepped(session, client, 'ended');
      }
      return { ok: true };
    },
  };
}
