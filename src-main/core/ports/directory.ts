// The narrow port the core needs from a user directory. Implemented by directory/ad/ (ldapts) and directory/demo.ts.

/** A user as the reset flow needs them. Attribute names are adapter config; values are normalised here. */
export interface DirectoryUser {
  /** Stable handle for resetPassword (the DN in AD, the key in the demo). */
  id: string;
  /**
   * The account's stable identity, the key of its own budgets (core/throttle.ts ACCOUNT_KINDS): AD's objectGUID
   * (`xxxxxxxx-xxxx-…`, as Get-ADUser shows it), the demo's lower-case username. It never changes with a rename
   * and is the same whichever name (sAMAccountName, UPN, another spelling) found the account.
   */
  accountKey: string;
  username: string;
  /** Other names the account answers to (AD: the userPrincipalName prefix): `unblock` clears their budgets too. */
  aliases?: string[];
  givenName: string;
  surname: string;
  displayName: string;
  /** ISO `YYYY-MM-DD`, or undefined when missing or unparseable in the directory. */
  birthdate: string | undefined;
  /** As stored (HR sync): normalised to E.164 by the SMS layer, not here. */
  mobile: string | undefined;
  disabled: boolean;
}

export type ResetOutcome =
  | { ok: true }
  /** The directory refused the password itself (complexity, history, minimum age): nothing changed. */
  | { ok: false; reason: 'policy' }
  /** The directory refused one of the last N passwords. */
  | { ok: false; reason: 'history' }
  /** The service account may not reset this user (outside its OU, an admin): admin-facing fault. */
  | { ok: false; reason: 'rights'; detail: string }
  /** The write was sent but its answer was lost (connection dropped, timeout): it may have been applied. */
  | { ok: false; reason: 'uncertain'; detail: string }
  /** Down, timeout, TLS: nothing changed, try later. */
  | { ok: false; reason: 'unavailable'; detail: string };

/** Clearing a lockout is idempotent: a lost answer is simply tried again, so there is no `uncertain`. */
export type UnlockOutcome =
  { ok: true } | { ok: false; reason: 'rights'; detail: string } | { ok: false; reason: 'unavailable'; detail: string };

/** The password rules the directory itself applies to one account (AD: the domain's, or the user's PSO). */
export interface DirectoryPasswordPolicy {
  minLength: number;
  /** How many previous passwords are refused (0 = none). Enforced on a reset only where enforcesHistory. */
  historyLength: number;
  /** AD complexity: 3 of 5 character kinds, no account name or display-name part. */
  complexity: boolean;
  /** Applies to a user's own change only: an administrator's reset (what this product does) is not held to it. */
  minAgeSeconds: number;
  /** Where it comes from, for logs and doctor: "domain", "PSO CN=…", "domain (PSO … not readable)". */
  source: string;
}

export interface Directory {
  /** Exactly one match or null (0 or >1 matches). Throws DirectoryUnavailableError when it cannot answer. */
  findUser(username: string): Promise<DirectoryUser | null>;
  /** Set the password, clear a lockout, optionally force a change at next logon. Never throws for AD answers. */
  resetPassword(
    user: Pick<DirectoryUser, 'id' | 'username'>,
    password: string,
    opts: { mustChangeAtNextLogon: boolean },
  ): Promise<ResetOutcome>;
  /** Clear a lockout only (AD: lockoutTime = 0); the password stays. Never throws for AD answers. */
  unlock(user: Pick<DirectoryUser, 'id' | 'username'>): Promise<UnlockOutcome>;
  /** The policy the directory applies to this account; throws when it cannot be read (the caller falls back). */
  passwordPolicy(user: Pick<DirectoryUser, 'id'>): Promise<DirectoryPasswordPolicy>;
  /** Optional: start reading that policy now, because passwordPolicy will be asked soon. Never throws. */
  warmPasswordPolicy?(user: Pick<DirectoryUser, 'id'>): void;
  /** Whether the directory refuses the last N passwords on an admin reset (AD policy hints; demo history). */
  readonly enforcesHistory: boolean;
  close(): Promise<void>;
}

export class DirectoryUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DirectoryUnavailableError';
  }
}
