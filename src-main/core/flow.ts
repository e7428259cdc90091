// The reset, top to bottom: start → identity (birthdate) → code (SMS) → password → done.
// All state lives here, server-side; the renderer only ever holds a session id. Every step answers with a
// result code (contract.ts), never an exception: guard.ts turns faults into `internal` at the edge.
import { fail, type ClientContext, type Lang, type ResetService } from './contract.js';
import type { AuditSink } from './audit.js';
import { parseBirthdate } from './birthdate.js';
import type { Logger } from './log.js';
import { cleanCode } from './otp.js';
import { allPass, checkPolicy, forbiddenWords } from './policy.js';
import { newSessionId, type Session, type SessionStore } from './session.js';
import type { Throttles } from './throttle.js';
import { newCorrelationId, padTo } from './timing.js';
import { normaliseUsername } from './username.js';
import { DirectoryUnavailableError, type Directory } from '../directory/types.js';
import { maskMobile, normaliseMobile } from '../sms/phone.js';
import type { CodeChannel, SmsSender } from '../sms/types.js';
import { CodeSender } from './code-sender.js';

export type FlowOptions = {
  organisation: string;
  servicedesk: { name: string; phone: string; email: string; hours?: string };
  applications: string[];
  defaultLang: Lang;
  demo: boolean;
  minLength: number;
  mustChangeAtNextLogon: boolean;
  codeTtlSeconds: number;
  resendAfterSeconds: number;
  sessionTtlSeconds: number;
  idleSeconds: number;
  identityFloorMs: number;
  mobileRegistration: Record<Lang, string>;
  phone: { defaultCountry: string; allowedCountries: string[] };
  /** Sends "your password was changed"; undefined = off. */
  changedNotice?: ((lang: Lang) => string) | undefined;
};

export type FlowDeps = {
  directory: Directory;
  codes: CodeChannel;
  notices?: SmsSender | undefined;
  sessions: SessionStore;
  throttles: Throttles;
  audit: AuditSink;
  log: Logger;
  now?: () => number;
};

export function createResetFlow(deps: FlowDeps, opts: FlowOptions): ResetService {
  const { directory, sessions, throttles, audit, log } = deps;
  const now = deps.now ?? Date.now;
  const sender = new CodeSender({ codes: deps.codes, throttles, log, audit, now }, opts);

  /** The session for a step, or undefined when it expired, was wiped, or is at another step. */
  const load = async (id: string, step: Session['step']) => {
    const s = await sessions.get(id);
    return s && s.step === step && s.expiresAt > now() ? s : undefined;
  };

  return {
    async info() {
      const { organisation, servicedesk, defaultLang, idleSeconds, minLength, demo, mobileRegistration } = opts;
      return { ok: true, organisation, servicedesk, defaultLang, idleSeconds, minLength, demo, mobileRegistration };
    },

    async start({ username, lang }, client) {
      if ((await throttles.take('startsPerClient', client.clientId)).ok === false) return fail('blocked');
      const name = normaliseUsername(username);
      if (!name) return fail('username_required');
      const session: Session = { id: newSessionId(), step: 'identity', username: name, lang: lang ?? opts.defaultLang, expiresAt: now() + opts.sessionTtlSeconds * 1000 };
      await sessions.save(session);
      await audit.record({ step: 'start', outcome: 'ok', user: name, client: client.clientId });
      // Always "go to birthdate": nothing here depends on whether the account exists.
      return { ok: true, sessionId: session.id, step: 'identity' };
    },

    async verifyIdentity({ sessionId, birthdate }, client) {
      const session = await load(sessionId, 'identity');
      if (!session) return fail('session_expired');
      const date = parseBirthdate(birthdate);
      if (!date) return fail('birthdate_format'); // a typo in the format never counts as a failed try
      const started = Date.now(); // padTo pads in real time, whatever clock the flow was given
      const record = (outcome: string) => audit.record({ step: 'identity', outcome, user: session.username, client: client.clientId });

      // Unknown user, wrong date, no usable mobile, disabled: one answer, one status, one duration (OWASP).
      const refuse = async (reason: string) => {
        await throttles.take('identityPerUser', session.username);
        await throttles.take('identityPerClient', client.clientId);
        log.info({ user: session.username, client: client.clientId, reason }, 'identity refused');
        await record(reason);
        return padTo(started, opts.identityFloorMs, fail('identity_failed'));
      };

      if ((await throttles.isBlocked('identityPerUser', session.username)) || (await throttles.isBlocked('identityPerClient', client.clientId))) {
        await record('blocked');
        return padTo(started, opts.identityFloorMs, fail('blocked'));
      }
      let user;
      try {
        user = await directory.findUser(session.username);
      } catch (e) {
        if (!(e instanceof DirectoryUnavailableError)) throw e;
        log.error({ err: e.message, client: client.clientId }, 'directory unavailable during lookup');
        return padTo(started, opts.identityFloorMs, fail('unavailable'));
      }
      if (!user) return refuse('unknown_user');
      if (user.disabled) return refuse('disabled');
      if (user.birthdate !== date) return refuse(user.birthdate ? 'wrong_birthdate' : 'no_birthdate_in_directory');
      const mobile = normaliseMobile(user.mobile, opts.phone);
      if (!mobile.ok) return refuse(`mobile_${mobile.reason}`);

      session.user = { id: user.id, username: user.username, givenName: user.givenName, surname: user.surname, displayName: user.displayName, mobile: mobile.e164 };
      const sent = await sender.send(session, client);
      if (!sent.ok) {
        if (sent.code === 'identity_failed') return refuse('mobile_refused_by_provider');
        return padTo(started, opts.identityFloorMs, sent);
      }
      session.step = 'code';
      await sessions.save(session);
      await record('ok');
      return padTo(started, opts.identityFloorMs, { ok: true, step: 'code', maskedMobile: maskMobile(mobile.e164), resendAfterSeconds: opts.resendAfterSeconds, codeValidSeconds: opts.codeTtlSeconds });
    },

    async resendCode({ sessionId }, client) {
      const session = await load(sessionId, 'code');
      if (!session?.user || !session.code) return fail('session_expired');
      const wait = Math.ceil((session.code.sentAt + opts.resendAfterSeconds * 1000 - now()) / 1000);
      if (wait > 0) return fail('resend_too_soon', { retryAfterSeconds: wait });
      const sent = await sender.send(session, client);
      if (!sent.ok) return sent.code === 'identity_failed' ? fail('sms_failed') : sent;
      await sessions.save(session);
      return { ok: true, step: 'code', maskedMobile: maskMobile(session.user.mobile), resendAfterSeconds: opts.resendAfterSeconds, codeValidSeconds: opts.codeTtlSeconds };
    },

    async verifyCode({ sessionId, code }, client) {
      const session = await load(sessionId, 'code');
      if (!session?.user || !session.code) return fail('session_expired');
      const typed = cleanCode(code);
      if (!typed) return fail('code_format'); // not a try: only real guesses count
      if (session.code.expiresAt <= now()) return fail('code_expired');
      const record = (outcome: string) => audit.record({ step: 'code', outcome, user: session.username, client: client.clientId });
      // Atomic in Redis too, so two hosts cannot both grant the last try.
      const tries = await throttles.take('codeChecks', `${session.id}:${session.code.nonce}`);
      if (!tries.ok) return fail('code_attempts_exceeded');
      const outcome = await deps.codes.check(session.code.issued, typed);
      if (outcome === 'unavailable') {
        await throttles.refund('codeChecks', `${session.id}:${session.code.nonce}`);
        return fail('unavailable');
      }
      if (outcome === 'invalid') {
        await record('code_wrong');
        return tries.remaining > 0 ? fail('code_wrong', { attemptsLeft: tries.remaining }) : fail('code_attempts_exceeded');
      }
      session.step = 'password';
      delete session.code;
      await sessions.save(session);
      await record('ok');
      return { ok: true, step: 'password', forbiddenWords: forbiddenWords(session.user) };
    },

    async setPassword({ sessionId, password, repeat }, client) {
      const session = await load(sessionId, 'password');
      if (!session?.user) return fail('session_expired');
      if (password !== repeat) return fail('password_mismatch');
      const rules = checkPolicy(password, { minLength: opts.minLength, forbiddenWords: forbiddenWords(session.user) });
      if (!allPass(rules)) return fail('password_policy', { rules });
      const record = (outcome: string) => audit.record({ step: 'password', outcome, user: session.username, client: client.clientId });

      const result = await directory.resetPassword(session.user, password, { mustChangeAtNextLogon: opts.mustChangeAtNextLogon });
      if (!result.ok) {
        await record(result.reason);
        if (result.reason === 'history') return fail('password_policy', { rules: rules.map((r) => (r.id === 'history' ? { ...r, ok: false } : r)) });
        if (result.reason === 'policy') return fail('password_rejected', { rules });
        // `rights`: the service account may not reset this account (an admin, outside the OU): admin-facing.
        const correlationId = newCorrelationId();
        log.error({ correlationId, user: session.username, reason: result.reason, detail: result.detail }, 'password reset refused by the directory');
        return result.reason === 'unavailable' ? fail('unavailable') : fail('internal', { correlationId });
      }
      await sessions.delete(session.id);
      await throttles.clear('identityPerUser', session.username);
      await record('ok');
      if (deps.notices && opts.changedNotice) {
        const sent = await deps.notices.send(session.user.mobile, opts.changedNotice(session.lang)).catch((e: Error) => ({ ok: false, reason: e.message }));
        if (!sent.ok) log.warn({ user: session.username, reason: sent.reason }, 'password-changed notice not sent');
      }
      return { ok: true, step: 'done', applications: opts.applications };
    },

    async cancel({ sessionId }, client: ClientContext) {
      const session = await sessions.get(sessionId);
      if (session) {
        await sessions.delete(sessionId);
        await audit.record({ step: 'cancel', outcome: 'ok', user: session.username, client: client.clientId });
      }
      return { ok: true };
    },
  };
}
