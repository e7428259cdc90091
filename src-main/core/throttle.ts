// Bounded guessing (docs/security.md "Bounded guessing"), built on rate-limiter-flexible so the same limits work in
// memory on one node and in Redis across several. Every per-person budget is counted twice: under the name as
// typed (folded by nameKey, whether or not the account exists, so a block looks the same for unknown names)
// and, once the directory found the account, under its stable id (AD objectGUID), so no spelling of a name
// buys more tries than the account has. Store faults reject: we fail closed.
import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { nameKey } from './username.js';

export type Limit = { points: number; durationSeconds: number };
/** The budgets an admin configures (`security.limits`). */
export const LIMIT_KINDS = [
  'identityPerUser', // failed birthdate checks per typed name (Entra SSPR: 5/24 h)
  'identityPerClient', // failed birthdate checks per kiosk/IP
  'startsPerClient', // new sessions per kiosk/IP (keeps memory bounded)
  'smsPerUser', // codes sent per typed name
  'smsPerClient', // codes sent per kiosk/IP (SMS pumping)
  'smsGlobal', // codes sent by this installation per day (cost cap; trips an admin alert)
  'codeChecks', // checks per issued code (NIST 800-63B: limited attempts)
  'passwordChecks', // new passwords judged per session: bounds the banned list (and HIBP) as an oracle
] as const;
export type LimitKind = (typeof LIMIT_KINDS)[number];
export type Limits = Record<LimitKind, Limit>;

/**
 * Budgets keyed by the account's stable id (DirectoryUser.accountKey), derived from the per-user ones: the same
 * identity and SMS budgets, 3 checks for each of the 5 codes a day (15), and one code per `resendAfterSeconds`
 * (across sessions and hosts: no burst of texts to one phone). Together with NAME_KINDS these are all of a
 * person's budgets: lifting a block clears NAME_KINDS under every name typed and ACCOUNT_KINDS under the
 * accountKey.
 */
export const ACCOUNT_KINDS = [
  'identityPerAccount',
  'smsPerAccount',
  'codeChecksPerAccount',
  'smsSpacingPerAccount',
] as const;
/** Budgets keyed by the typed name: Throttles folds the key with nameKey, whoever calls it. */
export const NAME_KINDS = ['identityPerUser', 'smsPerUser'] as const satisfies readonly LimitKind[];
/**
 * Birthdates a typed name already tried (keyed by a keyed hash of name and date: no date in the store), and how
 * often one was typed again: a repeat of the identical date is checked again but counted once (the nurse whose
 * date is right and whose mobile is the problem must not walk into a block), and the servicedesk sees the repeats.
 */
export const REPEAT_KINDS = ['identityDates', 'identityRepeatsPerUser'] as const;
/** Counters, not budgets: 5 lock-outs in an hour from one client or of one account raise an admin alert. */
export const ALERT_KINDS = ['lockoutsPerClient', 'lockoutsPerAccount'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];
export type AlertKind = (typeof ALERT_KINDS)[number];
export type BudgetKind = LimitKind | AccountKind | AlertKind | (typeof REPEAT_KINDS)[number];
export const BUDGET_KINDS: readonly BudgetKind[] = [...LIMIT_KINDS, ...ACCOUNT_KINDS, ...ALERT_KINDS, ...REPEAT_KINDS];
export type AllLimits = Record<BudgetKind, Limit>;

export const DEFAULT_LIMITS: Limits = {
  identityPerUser: { points: 5, durationSeconds: 24 * 3600 },
  identityPerClient: { points: 30, durationSeconds: 3600 },
  startsPerClient: { points: 120, durationSeconds: 3600 },
  smsPerUser: { points: 5, durationSeconds: 24 * 3600 },
  smsPerClient: { points: 30, durationSeconds: 3600 },
  smsGlobal: { points: 2000, durationSeconds: 24 * 3600 },
  codeChecks: { points: 3, durationSeconds: 15 * 60 },
  passwordChecks: { points: 10, durationSeconds: 30 * 60 },
};
export const LOCKOUT_ALERT: Limit = { points: 5, durationSeconds: 3600 };

/** The configured limits plus the derived ones; an explicit entry (tests) wins over the derived value. */
export function deriveLimits(l: Limits & Partial<AllLimits>, resendAfterSeconds = 30): AllLimits {
  return {
    identityPerAccount: l.identityPerUser,
    smsPerAccount: l.smsPerUser,
    codeChecksPerAccount: {
      points: l.smsPerUser.points * l.codeChecks.points,
      durationSeconds: l.smsPerUser.durationSeconds,
    },
    smsSpacingPerAccount: { points: 1, durationSeconds: resendAfterSeconds },
    identityDates: { points: 1, durationSeconds: l.identityPerUser.durationSeconds },
    identityRepeatsPerUser: { points: 1000, durationSeconds: l.identityPerUser.durationSeconds },
    lockoutsPerClient: LOCKOUT_ALERT,
    lockoutsPerAccount: LOCKOUT_ALERT,
    ...l,
  };
}

/** Builds one limiter; the Redis variant lives with the store adapters (src-main/store). */
export type LimiterFactory = (opts: { keyPrefix: string; points: number; duration: number }) => RateLimiterAbstract;
export const memoryLimiters: LimiterFactory = (opts) => new RateLimiterMemory(opts);

export type Taken = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

const byName: ReadonlySet<BudgetKind> = new Set([...NAME_KINDS, 'identityRepeatsPerUser']);

/** One budget of one key: what the servicedesk looks at and lifts. */
export type BudgetRef = { kind: BudgetKind; key: string };
export type BudgetState = BudgetRef & { used: number; limit: number; blocked: boolean; retryAfterSeconds: number };

/**
 * The budgets that belong to a person, keyed by what was typed (`name`) or by the account's stable id
 * (`account`, DirectoryUser.accountKey). "Lift a block" clears all of them.
 */
export const PERSON_BUDGETS: readonly { kind: BudgetKind; by: 'name' | 'account' }[] = [
  ...NAME_KINDS.map((kind) => ({ kind, by: 'name' as const })),
  { kind: 'identityRepeatsPerUser', by: 'name' },
  ...ACCOUNT_KINDS.map((kind) => ({ kind, by: 'account' as const })),
];

/** A person's budget keys: every name they may have typed and every account key (objectGUID; not the DN). */
export function personBudgets(person: { names: string[]; accountIds: string[] }): BudgetRef[] {
  const keys = { name: [...new Set(person.names.map(nameKey))], account: [...new Set(person.accountIds)] };
  return PERSON_BUDGETS.flatMap(({ kind, by }) => keys[by].map((key) => ({ kind, key })));
}

export class Throttles {
  /** Every budget's limit, configured and derived. */
  readonly limits: AllLimits;
  private readonly limiters: Record<BudgetKind, RateLimiterAbstract>;

  constructor(
    limits: Limits & Partial<AllLimits>,
    factory: LimiterFactory = memoryLimiters,
    opts: { resendAfterSeconds?: number } = {},
  ) {
    this.limits = deriveLimits(limits, opts.resendAfterSeconds);
    // Store keys: `rk:<kind>:<key>` (behind the Redis prefix), the key being nameKey(typed) or the accountKey.
    const entries = BUDGET_KINDS.map((k) => [
      k,
      factory({ keyPrefix: `rk:${k}`, points: this.limits[k].points, duration: this.limits[k].durationSeconds }),
    ]);
    this.limiters = Object.fromEntries(entries) as Record<BudgetKind, RateLimiterAbstract>;
  }

  /** The key a budget is counted under: typed names folded (every spelling one key), others as given. */
  keyOf(kind: BudgetKind, key: string): string {
    return byName.has(kind) ? nameKey(key) : key;
  }

  /** Seconds until the budget has room again; 0 when it has room now (a look, not a take). */
  async blockedFor(kind: BudgetKind, key: string): Promise<number> {
    const res = await this.limiters[kind].get(this.keyOf(kind, key));
    return res !== null && res.consumedPoints >= this.limits[kind].points
      ? Math.max(1, Math.ceil(res.msBeforeNext / 1000))
      : 0;
  }

  /** Uses one point; refuses once the budget is used up. */
  async take(kind: BudgetKind, key: string): Promise<Taken> {
    try {
      const res = await this.limiters[kind].consume(this.keyOf(kind, key), 1);
      return { ok: true, remaining: res.remainingPoints };
    } catch (e) {
      if (e instanceof RateLimiterRes) return { ok: false, retryAfterSeconds: Math.ceil(e.msBeforeNext / 1000) };
      throw e; // store fault: the caller's guard turns it into `internal`
    }
  }

  /** What `take` would answer, without using a point (a repeated birthdate: checked, not counted). */
  async peek(kind: BudgetKind, key: string): Promise<Taken> {
    const wait = await this.blockedFor(kind, key);
    if (wait > 0) return { ok: false, retryAfterSeconds: wait };
    const res = await this.limiters[kind].get(this.keyOf(kind, key));
    return { ok: true, remaining: this.limits[kind].points - Math.max(0, res?.consumedPoints ?? 0) };
  }

  /** Gives a point back, e.g. when the SMS provider failed (a failed send must not count twice). */
  async refund(kind: BudgetKind, key: string): Promise<void> {
    await this.limiters[kind].reward(this.keyOf(kind, key), 1);
  }

  async clear(kind: BudgetKind, key: string): Promise<void> {
    await this.limiters[kind].delete(this.keyOf(kind, key));
  }

  /** How much of each budget is used, without using any. */
  async inspect(refs: readonly BudgetRef[]): Promise<BudgetState[]> {
    return Promise.all(
      refs.map(async ({ kind, key }) => {
        const res = await this.limiters[kind].get(this.keyOf(kind, key));
        const used = Math.min(res?.consumedPoints ?? 0, this.limits[kind].points);
        const blocked = used >= this.limits[kind].points;
        return {
          kind,
          key,
          used,
          limit: this.limits[kind].points,
          blocked,
          retryAfterSeconds: res && used > 0 ? Math.max(1, Math.ceil(res.msBeforeNext / 1000)) : 0,
        };
      }),
    );
  }

  /** Clears every budget named (the servicedesk's "lift the block"); in Redis for every host at once. */
  async clearAll(refs: readonly BudgetRef[]): Promise<void> {
    await Promise.all(refs.map(({ kind, key }) => this.clear(kind, key)));
  }
}
