// The birthdate check of step 2. Tries are *taken* before they are checked (not checked and counted afterwards),
// so a burst of parallel guesses cannot all pass a "still allowed?" check together; a right answer gives its
// tries back. Every refusal looks alike to the user; the reason is for the audit and the log.
//
// Two budgets per person: the typed name's, taken before the lookup (so unknown names are counted too), and the
// account's, taken as soon as the lookup named the account. A spent account budget is answered exactly like a
// wrong birthdate — `identity_failed`, the typed name's try used up — because `blocked` for a fresh spelling
// would tell that the spelling is an account. Its typed-name budget then runs out like any name's.
import type { ErrorCode, LimitScope } from './contract.js';
import { DirectoryUnavailableError, type Directory } from './ports/directory.js';
import type { MobileNormaliser, PhoneRefusal } from './ports/phone.js';
import type { SessionUser } from './session.js';
import type { Taken, Throttles } from './throttle.js';

/** Why a birthdate step was refused: the audit outcome and the log's reason (the user sees only `code`). */
export type IdentityRefusal =
  | 'sms_limit_smsPerClient'
  | 'sms_limit_smsGlobal'
  | 'blocked_user'
  | 'blocked_client'
  | 'blocked_account'
  | 'directory_unavailable'
  | 'unknown_user'
  | 'disabled'
  | 'wrong_birthdate'
  | 'no_birthdate_in_directory'
  | `mobile_${PhoneRefusal}`;

export type IdentityResult =
  | { ok: true; user: SessionUser; attemptsLeft: number }
  | {
      ok: false;
      code: Extract<ErrorCode, 'identity_failed' | 'blocked' | 'unavailable' | 'sms_limit'>;
      reason: IdentityRefusal;
      /** For the admin log only (e.g. why the directory could not answer). */
      detail?: string;
      retryAfterSeconds?: number;
      /** blocked / sms_limit: whose budget. */
      limit?: LimitScope;
      /**
       * identity_failed: tries left for the *typed name* (taken before the lookup, whether or not it is an account),
       * so the number is the same for unknown and known names and tells nothing about existence.
       */
      attemptsLeft?: number;
      /** The account's name and key when the directory found one (for the admin record only). */
      account?: string;
      accountKey?: string;
      /** This try met a spent per-person budget or used up its last point: a lock-out (lockout-watch.ts). */
      lockout?: boolean;
    };

const spent = (...tries: (Taken | undefined)[]) => tries.some((t) => t && (!t.ok || t.remaining === 0));

export class IdentityCheck {
  constructor(
    private readonly directory: Directory,
    private readonly throttles: Throttles,
    private readonly mobile: MobileNormaliser,
  ) {}

  async check(username: string, isoDate: string, clientId: string): Promise<IdentityResult> {
    // This kiosk or installation cannot send a code anyway: say so *before* the lookup, to everyone alike, so
    // guesses are not checked silently (the victim's phone would get no text). The per-user budget is checked
    // after the birthdate: before it, "used up" would tell that the account exists.
    for (const [kind, key] of [['smsPerClient', clientId], ['smsGlobal', 'all']] as const) {
      const wait = await this.throttles.blockedFor(kind, key);
      if (wait > 0) return { ok: false, code: 'sms_limit', reason: `sms_limit_${kind}`, retryAfterSeconds: wait, limit: kind === 'smsGlobal' ? 'all' : 'client' };
    }
    const nameTry = await this.throttles.take('identityPerUser', username);
    const clientTry = await this.throttles.take('identityPerClient', clientId);
    if (!nameTry.ok || !clientTry.ok) {
      if (nameTry.ok) await this.throttles.refund('identityPerUser', username);
      if (clientTry.ok) await this.throttles.refund('identityPerClient', clientId);
      // The typed name's budget is counted for unknown names too: saying "this name" is blocked reveals nothing.
      const used = nameTry.ok ? clientTry : nameTry;
      const limit = nameTry.ok ? 'client' : 'user';
      return { ok: false, code: 'blocked', reason: `blocked_${limit}`, limit, retryAfterSeconds: used.ok ? 0 : Math.max(1, used.retryAfterSeconds), lockout: !nameTry.ok };
    }
    const attemptsLeft = nameTry.remaining;

    let user;
    try {
      user = await this.directory.findUser(username);
    } catch (e) {
      if (!(e instanceof DirectoryUnavailableError)) throw e;
      await this.giveBack(username, clientId); // nobody guessed anything
      return { ok: false, code: 'unavailable', reason: 'directory_unavailable', detail: e.message };
    }
    if (!user) return { ok: false, code: 'identity_failed', reason: 'unknown_user', attemptsLeft, lockout: spent(nameTry) };
    const { accountKey } = user;
    const accountTry = await this.throttles.take('identityPerAccount', accountKey);
    // attemptsLeft stays the typed name's: the account's own count would tell that the name is an account.
    const refuse = (reason: IdentityRefusal): IdentityResult => ({
      ok: false, code: 'identity_failed', reason, account: user.username, accountKey, attemptsLeft, lockout: spent(nameTry, accountTry),
    });
    // Spent: nothing about this account is checked, not even a right birthdate (the answer is a wrong date's).
    if (!accountTry.ok) return refuse('blocked_account');
    if (user.disabled) return refuse('disabled');
    if (user.birthdate !== isoDate) return refuse(user.birthdate ? 'wrong_birthdate' : 'no_birthdate_in_directory');
    const mobile = this.mobile(user.mobile);
    if (!mobile.ok) return refuse(`mobile_${mobile.reason}`);
    const { id, givenName, surname, displayName } = user;
    return { ok: true, user: { id, accountKey, username: user.username, givenName, surname, displayName, mobile: mobile.e164 }, attemptsLeft };
  }

  /** The identity was proven (or could not be checked): the tries taken for it do not count. */
  async giveBack(username: string, clientId: string, accountKey?: string): Promise<void> {
    await this.throttles.refund('identityPerUser', username);
    await this.throttles.refund('identityPerClient', clientId);
    if (accountKey) await this.throttles.refund('identityPerAccount', accountKey);
  }
}
