// Verifying a caller: a one-time code with its own SMS text ("De servicedesk vraagt je deze code voor te lezen:
// 123456") goes to the mobile on file; the agent types what the caller reads back. The code lives only as a
// salted hash in the agent's session, with 3 tries and a few minutes; a person gets only a few such texts a day
// (its own budget), so the button cannot be used to flood a phone.
import { randomBytes } from 'node:crypto';
import { cleanCode, codeMatches, generateCode, hashCode } from '../core/otp.js';
import type { SmsSender } from '../core/ports/sms.js';
import type { DeskBudget } from './budget.js';
import type { DeskSession } from './sessions.js';

export const VERIFY_TRIES = 3;

export type SendResult =
  { ok: true } | { ok: false; code: 'verify_limited'; retryAfterSeconds: number } | { ok: false; code: 'sms_failed' };
export type CheckResult = 'verified' | 'wrong' | 'no_code' | 'expired' | 'too_many';

export class CallerCheck {
  /** The codes' HMAC key: they live only in this process's agent sessions, so a key of its own suffices. */
  private readonly pepper = randomBytes(32);

  constructor(
    private readonly sender: SmsSender,
    private readonly budget: DeskBudget,
    private readonly opts: { text: (code: string) => string; codeSeconds: number; now?: () => number },
  ) {}

  private now(): number {
    return (this.opts.now ?? Date.now)();
  }

  async send(session: DeskSession, accountKey: string, mobile: string): Promise<SendResult> {
    const wait = await this.budget.take(accountKey);
    if (wait) return { ok: false, code: 'verify_limited', retryAfterSeconds: wait };
    const code = generateCode();
    const sent = await this.sender.send(mobile, this.opts.text(code));
    if (!sent.ok) return { ok: false, code: 'sms_failed' };
    session.pending.set(accountKey, {
      ...hashCode(code, this.pepper),
      expires: this.now() + this.opts.codeSeconds * 1000,
      tries: 0,
    });
    session.verified.delete(accountKey);
    return { ok: true };
  }

  check(session: DeskSession, accountKey: string, typed: string): CheckResult {
    const p = session.pending.get(accountKey);
    if (!p) return 'no_code';
    if (this.now() > p.expires) {
      session.pending.delete(accountKey);
      return 'expired';
    }
    p.tries++;
    const code = cleanCode(typed);
    if (code && codeMatches(code, p, this.pepper)) {
      session.pending.delete(accountKey);
      session.verified.set(accountKey, this.now());
      return 'verified';
    }
    if (p.tries >= VERIFY_TRIES) {
      session.pending.delete(accountKey);
      return 'too_many';
    }
    return 'wrong';
  }

  async sentToday(accountKey: string): Promise<number> {
    return this.budget.used(accountKey);
  }
}
