// What the servicedesk may see and do for one person: whether she is blocked, by which budget, until when, how
// many tries are left, her latest audit events, whether the directory holds a birthdate and a usable mobile —
// never the birthdate, a code or the number itself — and lifting the block. Every call is audited with the
// admin's label. Works on whatever store the throttles use: in Redis a block lifted on one host is lifted on all.
import { searchAudit } from '../audit/search.js';
import type { AuditOutcome, AuditSink } from '../core/ports/audit.js';
import type { Pseudonymise } from '../core/pseudonym.js';
import { personBudgets, type BudgetState, type Throttles } from '../core/throttle.js';
import { normaliseUsername } from '../core/username.js';
import { DirectoryUnavailableError, type Directory } from '../core/ports/directory.js';
import { normaliseMobile } from '../sms/phone.js';

export type PersonQuery = { user?: string | undefined; account?: string | undefined };

export type PersonDeps = {
  directory: Directory;
  throttles: Throttles;
  audit: AuditSink;
  pseudonymise: Pseudonymise;
  /** Every host's audit file (empty when the trail is off). */
  auditFiles: () => Promise<string[]>;
  recentEvents: number;
  phone: { defaultCountry: string; allowedCountries: string[] };
  now?: () => number;
};

export type PersonStatus = {
  name: string | null;
  account:
    | {
        username: string;
        aliases: string[];
        id: string;
        accountKey: string;
        disabled: boolean;
        birthdateOnFile: boolean;
        mobileUsable: boolean;
      }
    | null
    | 'directory_unavailable';
  blocked: boolean;
  budgets: (BudgetState & { until: string | null })[];
  /**
   * How often one birthdate was typed again under her names (24 h): counted once, so not what blocks her, but the
   * sign of a nurse whose date is right and whose mobile (or account) is the problem.
   */
  sameDateAgain: number;
  recent: { ts: string; host: string; step: string; outcome: string; client: string }[];
};

export class PersonDesk {
  constructor(private readonly deps: PersonDeps) {}

  async status(q: PersonQuery, admin: string): Promise<PersonStatus> {
    const status = await this.read(q);
    await this.record(status, q, 'status', admin);
    return status;
  }

  /** Clears every budget of the person (typed name, account name, account id), then shows the result. */
  async unblock(q: PersonQuery, admin: string): Promise<PersonStatus> {
    const before = await this.read(q);
    await this.deps.throttles.clearAll(before.budgets);
    const after = await this.read(q);
    await this.record(after, q, before.blocked ? 'unblock' : 'unblock_nothing_blocked', admin);
    return after;
  }

  private async read(q: PersonQuery): Promise<PersonStatus> {
    const { directory, throttles, phone } = this.deps;
    const now = this.deps.now ?? Date.now;
    const name = q.user ? normaliseUsername(q.user) : null;
    let account: PersonStatus['account'] = null;
    if (name) {
      try {
        const u = await directory.findUser(name);
        if (u)
          account = {
            username: u.username,
            aliases: u.aliases ?? [],
            id: u.id,
            accountKey: u.accountKey,
            disabled: u.disabled,
            birthdateOnFile: !!u.birthdate,
            mobileUsable: normaliseMobile(u.mobile, phone).ok,
          };
      } catch (e) {
        if (!(e instanceof DirectoryUnavailableError)) throw e;
        account = 'directory_unavailable';
      }
    }
    const found = typeof account === 'object' && account ? account : undefined;
    // Every name the person may have typed: what the servicedesk typed, the account name and its aliases (the
    // UPN prefix); Throttles folds each (core/fold.ts), so every spelling of them is one budget.
    const names = [name, ...(found ? [found.username, ...found.aliases] : [])].flatMap(
      (n) => normaliseUsername(n ?? '') ?? [],
    );
    // The account's own budgets are keyed by its accountKey (AD objectGUID), whichever name found it.
    const accountIds = [q.account, found?.accountKey].filter((n): n is string => !!n);
    const states = await throttles.inspect(personBudgets({ names, accountIds }));
    const budgets = states.map((s) => ({
      ...s,
      until: s.retryAfterSeconds ? new Date(now() + s.retryAfterSeconds * 1000).toISOString() : null,
    }));
    const repeats = budgets.filter((b) => b.kind === 'identityRepeatsPerUser');
    const blocked = budgets.some((b) => b.blocked && b.kind !== 'identityRepeatsPerUser');
    return {
      name,
      account,
      blocked,
      budgets,
      sameDateAgain: repeats.reduce((n, b) => n + b.used, 0),
      recent: await this.recent([...names, ...(found ? [found.username] : [])]),
    };
  }

  private async recent(users: string[]): Promise<PersonStatus['recent']> {
    if (!users.length || this.deps.recentEvents === 0) return [];
    const since = new Date((this.deps.now ?? Date.now)() - 7 * 86_400_000);
    const { matches } = await searchAudit(await this.deps.auditFiles(), {
      users,
      since,
      pseudonymise: this.deps.pseudonymise,
    });
    return matches
      .slice(-this.deps.recentEvents)
      .map(({ ts, host, step, outcome, client }) => ({ ts, host, step, outcome, client }));
  }

  /**
   * One audit line per action, with its subject: the account found (objectGUID and account name), the name
   * the servicedesk typed and the account id it gave (`--account`), so the trail says whose budget was read or
   * cleared even when no name was typed.
   */
  private record(
    s: PersonStatus,
    q: PersonQuery,
    outcome: Extract<AuditOutcome, 'status' | 'unblock' | 'unblock_nothing_blocked'>,
    admin: string,
  ): Promise<void> {
    const found = typeof s.account === 'object' && s.account ? s.account : undefined;
    const user = found?.username ?? (s.name ? this.deps.pseudonymise(s.name) : undefined);
    const subject = {
      ...(found ? { account: found.accountKey, name: found.username } : q.account ? { account: q.account } : {}),
      ...(q.user ? { typed: q.user } : {}),
    };
    return this.deps.audit.record({
      step: 'admin',
      outcome,
      ...(user ? { user } : {}),
      client: `admin:${admin}`,
      subject,
    });
  }
}
