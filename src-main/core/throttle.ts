// Bounded guessing (DESIGN.md "Security numbers"), built on rate-limiter-flexible so the same limits work in
// memory on one node and in Redis across several. Keys are the normalised username whether or not the
// account exists, so a block looks the same for unknown users. Store faults reject: we fail closed.
import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

export type Limit = { points: number; durationSeconds: number };
export const LIMIT_KINDS = [
  'identityPerUser', // failed birthdate checks per user (Entra SSPR: 5/24 h)
  'identityPerClient', // failed birthdate checks per kiosk/IP
  'startsPerClient', // new sessions per kiosk/IP (keeps memory bounded)
  'smsPerUser', // codes sent per user
  'smsPerClient', // codes sent per kiosk/IP (SMS pumping)
  'smsGlobal', // codes sent by this installation per day (cost cap; trips an admin alert)
  'codeChecks', // checks per issued code (NIST 800-63B: limited attempts)
  'passwordChecks', // new passwords judged per session: bounds the banned list (and HIBP) as an oracle
] as const;
export type LimitKind = (typeof LIMIT_KINDS)[number];
export type Limits = Record<LimitKind, Limit>;

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

/** Builds one limiter; the Redis variant lives with the store adapters (src-main/store). */
export type LimiterFactory = (opts: { keyPrefix: string; points: number; duration: number }) => RateLimiterAbstract;
export const memoryLimiters: LimiterFactory = (opts) => new RateLimiterMemory(opts);

export type Taken = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

/** One budget of one key: what the servicedesk looks at and lifts. */
export type BudgetRef = { kind: LimitKind; key: string };
export type BudgetState = BudgetRef & { used: number; limit: number; blocked: boolean; retryAfterSeconds: number };

/**
 * The budgets that belong to a person, keyed by what was typed (`name`) or by the account's stable id (`account`).
 * "Lift a block" clears all of them, so a budget kind added here is lifted too (issue 14 adds account keys).
 */
export const PERSON_BUDGETS: readonly { kind: LimitKind; by: 'name' | 'account' }[] = [
  { kind: 'identityPerUser', by: 'name' },
  { kind: 'smsPerUser', by: 'name' },
];

/** A person's budget keys: every name they may have typed and every account id. */
export function personBudgets(person: { names: string[]; accountIds: string[] }): BudgetRef[] {
  const keys = { name: [...new Set(person.names)], account: [...new Set(person.accountIds)] };
  return PERSON_BUDGETS.flatMap(({ kind, by }) => keys[by].map((key) => ({ kind, key })));
}

export class Throttles {
  private readonly limiters: Record<LimitKind, RateLimiterAbstract>;

  constructor(readonly limits: Limits, factory: LimiterFactory = memoryLimiters) {
    const entries = LIMIT_KINDS.map((k) => [k, factory({ keyPrefix: `rk:${k}`, points: limits[k].points, duration: limits[k].durationSeconds })]);
    this.limiters = Object.fromEntries(entries) as Record<LimitKind, RateLimiterAbstract>;
  }

  /** Seconds until the budget has room again; 0 when it has room now (a look, not a take). */
  async blockedFor(kind: LimitKind, key: string): Promise<number> {
    const res = await this.limiters[kind].get(key);
    return res !== null && res.consumedPoints >= this.limits[kind].points ? Math.max(1, Math.ceil(res.msBeforeNext / 1000)) : 0;
  }

  /** Uses one point; refuses once the budget is used up. */
  async take(kind: LimitKind, key: string): Promise<Taken> {
    try {
      const res = await this.limiters[kind].consume(key, 1);
      return { ok: true, remaining: res.remainingPoints };
    } catch (e) {
      if (e instanceof RateLimiterRes) return { ok: false, retryAfterSeconds: Math.ceil(e.msBeforeNext / 1000) };
      throw e; // store fault: the caller's guard turns it into `internal`
    }
  }

  /** Gives a point back, e.g. when the SMS provider failed (a failed send must not count twice). */
  async refund(kind: LimitKind, key: string): Promise<void> {
    await this.limiters[kind].reward(key, 1);
  }

  async clear(kind: LimitKind, key: string): Promise<void> {
    await this.limiters[kind].delete(key);
  }

  /** How much of each budget is used, without using any. */
  async inspect(refs: readonly BudgetRef[]): Promise<BudgetState[]> {
    return Promise.all(
      refs.map(async ({ kind, key }) => {
        const res = await this.limiters[kind].get(key);
        const used = Math.min(res?.consumedPoints ?? 0, this.limits[kind].points);
        const blocked = used >= this.limits[kind].points;
        return { kind, key, used, limit: this.limits[kind].points, blocked, retryAfterSeconds: res && used > 0 ? Math.max(1, Math.ceil(res.msBeforeNext / 1000)) : 0 };
      }),
    );
  }

  /** Clears every budget named (the servicedesk's "lift the block"); in Redis for every host at once. */
  async clearAll(refs: readonly BudgetRef[]): Promise<void> {
    await Promise.all(refs.map(({ kind, key }) => this.clear(kind, key)));
  }
}
