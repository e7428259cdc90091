// The birthdate check of step 2. Tries are *taken* before they are checked (not checked and counted afterwards),
// so a burst of parallel guesses cannot all pass a "still allowed?" check together; a right answer gives its
// tries back. Every refusal looks alike to the user; the reason is for the audit and the log.
//
// Two budgets per person: the typed name's, taken before the lookup (so unknown names are counted too), and the
// account's, taken as soon as the lookup named the account. A spent account budget is answered exactly like a
// wrong birthdate — `identity_failed`, the typed name's try used up — because `blocked` for a fresh spelling
// would tell that the spelling is an account. Its typed-name budget then runs out like any name's.
//
// A date this typed name already tried is checked again but not counted again: the nurse whose date is right and
// whose mobile is not usable may try again after HR fixed it, without walking into a block. Remembered per typed
// name before the lookup, so unknown names and accounts are treated alike; nothing new is learnt from a repeat.
//
// While the account's spacing between texts runs (a code went to its phone in the last resendAfterSeconds), no
// birthdate for it is checked at all: a right and a wrong one both hear "a code was just sent, wait N s", so a
// guess is never confirmed without a text on the owner's phone (docs/security.md, "No silent birthdate check").
import type { ErrorCode, LimitScope } from './contract.js';
import { DirectoryUnavailableError, type Directory } from './ports/directory.js';
import type { MobileCheck, PhoneRefusal } from './ports/phone.js';
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
  | 'resend_too_soon_smsSpacingPerAccount'
  | `mobile_${PhoneRefusal}`;

export type IdentityResult =
  /** `counted`: this try took points (a repeated date did not), so a right answer gives them back. */
  | { ok: true; user: SessionUser; attemptsLeft: number; counted: boolean }
  | {
      ok: false;
      code: Extract<ErrorCode, 'identity_failed' | 'blocked' | 'unavailable' | 'sms_limit' | 'resend_too_soon'>;
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
      /** The typed name had tried this very date before: not counted again (for the audit and the servicedesk). */
      repeated?: boolean;
    };

/** The key under which a typed name's tried date is remembered: a keyed hash, so the store holds no date. */
export type DateKey = (username: string, isoDate: string) => string;

const spent = (...tries: (Taken | undefined)[]) => tries.some((t) => t && (!t.ok || t.remaining === 0));

export class IdentityCheck {
  constructor(
    private readonly directory: Directory,
    private readonly throttles: Throttles,
    private readonly mobile: MobileCheck,
    private readonly dateKey: DateKey,
  ) {}

  async check(username: string, isoDate: string, clientId: string): Promise<IdentityResult> {
    // This kiosk or installation cannot send a code anyway: say so *before* the lookup, to everyone alike, so
    // guesses are not checked silently (the victim's phone would get no text). The per-user budget is checked
    // after the birthdate: before it, "used up" would tell that the account exists.
    for (const [kind, key] of [
      ['smsPerClient', clientId],
      ['smsGlobal', 'all'],
    ] as const) {
      const wait = await this.throttles.blockedFor(kind, key);
      if (wait > 0)
        return {
          ok: false,
          code: 'sms_limit',
          reason: `sms_limit_${kind}`,
          retryAfterSeconds: wait,
          limit: kind === 'smsGlobal' ? 'all' : 'client',
        };
    }
    // A repeat of a date this name already tried is looked at (peek), not taken: it costs no try anywhere.
    const dateKey = this.dateKey(username, isoDate);
    const fresh = (await this.throttles.take('identityDates', dateKey)).ok;
    if (!fresh) await this.throttles.take('identityRepeatsPerUser', username); // what the servicedesk sees
    const use = (kind: 'identityPerUser' | 'identityPerClient' | 'identityPerAccount', key: string) =>
      fresh ? this.throttles.take(kind, key) : this.throttles.peek(kind, key);
    const repeated = fresh ? {} : { repeated: true };
    const nameTry = await use('identityPerUser', username);
    const clientTry = await use('identityPerClient', clientId);
    if (!nameTry.ok || !clientTry.ok) {
      if (fresh) {
        if (nameTry.ok) await this.throttles.refund('identityPerUser', username);
        if (clientTry.ok) await this.throttles.refund('identityPerClient', clientId);
        await this.throttles.refund('identityDates', dateKey); // not checked: not tried
      }
      // The typed name's budget is counted for unknown names too: saying "this name" is blocked reveals nothing.
      const used = nameTry.ok ? clientTry : nameTry;
      const limit = nameTry.ok ? 'client' : 'user';
      return {
        ok: false,
        code: 'blocked',
        reason: `blocked_${limit}`,
        limit,
        retryAfterSeconds: used.ok ? 0 : Math.max(1, used.retryAfterSeconds),
        lockout: !nameTry.ok,
      };
    }
    const attemptsLeft = nameTry.remaining;
    /** Nothing was checked: the tries taken for it do not count (a repeat took none). */
    const untried = async (accountKey?: string) => {
      if (!fresh) return;
      await this.giveBack(username, clientId, accountKey);
      await this.throttles.refund('identityDates', dateKey);
    };

    let user;
    try {
      user = await this.directory.findUser(username);
    } catch (e) {
      if (!(e instanceof DirectoryUnavailableError)) throw e;
      await untried(); // nobody guessed anything
      return { ok: false, code: 'unavailable', reason: 'directory_unavailable', detail: e.message };
    }
    if (!user)
      return {
        ok: false,
        code: 'identity_failed',
        reason: 'unknown_user',
        attemptsLeft,
        lockout: spent(nameTry),
        ...repeated,
      };
    const { accountKey } = user;
    // A code went to this account moments ago: answer every date alike, unchecked, and count nothing.
    const spacing = await this.throttles.blockedFor('smsSpacingPerAccount', accountKey);
    if (spacing > 0) {
      await untried();
      return {
        ok: false,
        code: 'resend_too_soon',
        reason: 'resend_too_soon_smsSpacingPerAccount',
        retryAfterSeconds: spacing,
        account: user.username,
        accountKey,
      };
    }
    const accountTry = await use('identityPerAccount', accountKey);
    // attemptsLeft stays the typed name's: the account's own count would tell that the name is an account.
    const refuse = (reason: IdentityRefusal): IdentityResult => ({
      ok: false,
      code: 'identity_failed',
      reason,
      account: user.username,
      accountKey,
      attemptsLeft,
      lockout: spent(nameTry, accountTry),
      ...repeated,
    });
    // Spent: nothing about this account is checked, not even a right birthdate (the answer is a wrong date's).
    if (!accountTry.ok) return refuse('blocked_account');
    if (user.disabled) return refuse('disabled');
    if (user.birthdate !== isoDate) return refuse(user.birthdate ? 'wrong_birthdate' : 'no_birthdate_in_directory');
    const mobile = await this.mobile(user.mobile);
    if (!mobile.ok) return refuse(`mobile_${mobile.reason}`);
    const { id, givenName, surname, displayName } = user;
    return {
      ok: true,
      user: { id, accountKey, username: user.username, givenName, surname, displayName, mobile: mobile.e164 },
      attemptsLeft,
      counted: fresh,
    };
  }

  /** The identity was proven (or could not be checked): the tries taken for it do not count. */
  async giveBack(username: string, clientId: string, accountKey?: string): Promise<void> {
    await this.throttles.refund('identityPerUser', username);
    await this.throttles.refund('identityPerClient', clientId);
    if (accountKey) await this.throttles.refund('identityPerAccount', accountKey);
  }
}
