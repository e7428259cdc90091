// Prometheus metrics (prom-client), fed from outside the core: the core's typed events (core/events.ts) say what
// people did, a wrapper around the service (instrument.ts) times each step, and gauges read the directory pool, the
// probes and the SIEM queue when scraped. Labels are bounded sets only — method names, result/reason codes,
// budget names, probe names — never a username, an address or anything a person typed (docs/servicedesk.md "Metrics").
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { CoreEvent } from '../core/events.js';
import type { SmsBudget } from '../core/ports/audit.js';
import type { BudgetKind } from '../core/throttle.js';

/** Sources read at scrape time; each optional. */
export type PoolSnapshot = {
  busy: number;
  idle: number;
  size: number;
  opened: number;
  reused: number;
  waited: number;
  retried: number;
  dropped: number;
};
export type MetricSources = {
  pool?: () => PoolSnapshot | undefined;
  probes?: () => Promise<Record<string, 'ok' | 'failed'>>;
  siem?: () => { queued: number; sent: number; dropped: number; connected: boolean } | undefined;
};

const MAX_VALUES = 64;
/** A label value from a code: a short identifier, else `other`; at most MAX_VALUES distinct per label. */
function bounded(): (value: string) => string {
  const seen = new Set<string>();
  return (value) => {
    if (!/^[a-z][a-zA-Z0-9_]{0,47}$/.test(value)) return 'other';
    if (!seen.has(value) && seen.size >= MAX_VALUES) return 'other';
    seen.add(value);
    return value;
  };
}
/** A spent SMS budget (or the spacing between texts) also counts as a refused text. */
const SMS_BUDGETS: Record<SmsBudget, true> = {
  smsSpacingPerAccount: true,
  smsPerUser: true,
  smsPerAccount: true,
  smsPerClient: true,
  smsGlobal: true,
};
const isSmsBudget = (b: BudgetKind): b is SmsBudget => b in SMS_BUDGETS;

/**
 * The birthdate step as the person saw it, nothing more: every answer the wizard gives as `identity_failed`
 * (unknown name, wrong or missing birthdate, disabled, unusable mobile, a spent account budget, a right date
 * during the account's text spacing) is one `refused`, so a dashboard never tells an account from a
 * non-account or a right birthdate from a wrong one. The audit trail keeps the reason for those allowed to read it.
 */
const IDENTITY_SEEN: Record<string, string> = {
  ok: 'ok',
  blocked_user: 'blocked',
  blocked_client: 'blocked',
  directory_unavailable: 'unavailable',
  sms_limit_smsPerClient: 'sms_limit_smsPerClient',
  sms_limit_smsGlobal: 'sms_limit_smsGlobal',
};
// A right birthdate whose text a budget refused is answered `sms_limit`: the person sees it, so may the dashboard.
const identitySeen = (outcome: string): string =>
  IDENTITY_SEEN[outcome] ?? (outcome.startsWith('birthdate_ok_sms_limit_') ? 'sms_limit' : 'refused');

export class Metrics {
  readonly registry = new Registry();
  private readonly outcome = bounded();
  private readonly reason = bounded();
  readonly requests = new Counter({
    name: 'reset_kiosk_requests_total',
    help: 'API calls by method and result (ok or the error code the user saw)',
    labelNames: ['method', 'result'],
    registers: [this.registry],
  });
  readonly duration = new Histogram({
    name: 'reset_kiosk_request_duration_seconds',
    help: 'Time to answer an API call, by method (identity answers are padded to security.identityFloorMs)',
    labelNames: ['method'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.4, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly started = new Counter({
    name: 'reset_kiosk_flows_started_total',
    help: 'Resets and unlocks started',
    labelNames: ['purpose'],
    registers: [this.registry],
  });
  readonly completed = new Counter({
    name: 'reset_kiosk_flows_completed_total',
    help: 'Passwords set and accounts unlocked',
    labelNames: ['purpose'],
    registers: [this.registry],
  });
  readonly events = new Counter({
    name: 'reset_kiosk_audit_events_total',
    help: 'Audit events by step and outcome (the birthdate step only as the person saw it: ok, refused, blocked, unavailable, sms_limit_*)',
    labelNames: ['step', 'outcome'],
    registers: [this.registry],
  });
  readonly sms = new Counter({
    name: 'reset_kiosk_sms_total',
    help: 'Codes: sent, failed (provider reason) or refused (budget)',
    labelNames: ['result', 'reason'],
    registers: [this.registry],
  });
  readonly blocks = new Counter({
    name: 'reset_kiosk_blocks_total',
    help: 'Attempts refused because a budget was used up, by budget',
    labelNames: ['budget'],
    registers: [this.registry],
  });

  private readonly sources: MetricSources = {};

  /** Adds (or replaces) sources read at scrape time. */
  watch(sources: MetricSources): void {
    Object.assign(this.sources, sources);
  }

  constructor(opts: { processMetrics?: boolean } = {}) {
    const sources = this.sources;
    if (opts.processMetrics) collectDefaultMetrics({ register: this.registry });
    const r = [this.registry];
    new Gauge({
      name: 'reset_kiosk_dependency_up',
      help: 'Whether a dependency answers (directory, redis): 1 up, 0 down',
      labelNames: ['dependency'],
      registers: r,
      async collect() {
        for (const [name, state] of Object.entries((await sources.probes?.()) ?? {}))
          this.set({ dependency: name }, state === 'ok' ? 1 : 0);
      },
    });
    new Gauge({
      name: 'reset_kiosk_directory_pool_connections',
      help: 'Service-account LDAP connections: busy, idle, size (configured)',
      labelNames: ['state'],
      registers: r,
      collect() {
        const p = sources.pool?.();
        if (p) for (const state of ['busy', 'idle', 'size'] as const) this.set({ state }, p[state]);
      },
    });
    new Gauge({
      name: 'reset_kiosk_directory_pool_events',
      help: 'Pool events since start (a counter): opened, reused, waited, retried, dropped',
      labelNames: ['event'],
      registers: r,
      collect() {
        const p = sources.pool?.();
        if (p)
          for (const event of ['opened', 'reused', 'waited', 'retried', 'dropped'] as const)
            this.set({ event }, p[event]);
      },
    });
    new Gauge({
      name: 'reset_kiosk_siem_events',
      help: 'SIEM forwarding: queued now, sent and dropped since start (drops: queue full while the SIEM was away)',
      labelNames: ['state'],
      registers: r,
      collect() {
        const s = sources.siem?.();
        if (s) for (const state of ['queued', 'sent', 'dropped'] as const) this.set({ state }, s[state]);
      },
    });
    new Gauge({
      name: 'reset_kiosk_siem_connected',
      help: 'Whether the SIEM connection is up (1) or not (0)',
      registers: r,
      collect() {
        const s = sources.siem?.();
        if (s) this.set(s.connected ? 1 : 0);
      },
    });
  }

  /** The core's events (core/events.ts): counts what happened; users, clients and sessions are never looked at. */
  readonly onEvent = (e: CoreEvent): void => {
    if (e.type === 'budget') {
      // Silent: the spacing between texts (it would tell a watcher that an account just got a code) and an
      // account's own birthdate budget (it would tell that a name is an account).
      if (e.budget === 'smsSpacingPerAccount' || e.budget === 'identityPerAccount') return;
      // A spent SMS budget refuses a code at the birthdate step (kiosk, installation) or when sending (user).
      if (isSmsBudget(e.budget)) this.sms.inc({ result: 'refused', reason: e.budget });
      this.blocks.inc({ budget: e.budget });
      return;
    }
    if (e.type !== 'outcome') return;
    const { step, outcome, budget, smsFailure } = e.event;
    if (budget === 'smsSpacingPerAccount') return; // silent, as above
    this.events.inc({ step, outcome: step === 'identity' ? identitySeen(outcome) : this.outcome(outcome) });
    if (step !== 'code_sent' || budget) return;
    if (outcome === 'ok') this.sms.inc({ result: 'sent', reason: 'none' });
    else if (smsFailure) this.sms.inc({ result: 'failed', reason: this.reason(smsFailure) });
  };

  /** Prometheus text exposition format. */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
