// Targeted lock-outs are visible to an admin. Anyone who knows a name can spend its birthdate budget and lock
// the owner out for a day (the price of bounded guessing); what an admin must see is someone doing that on
// purpose: 5 or more lock-outs in an hour from one kiosk/client, or of one account (its owner keeps meeting a
// spent budget, or many spellings of it are tried). The counters live in the throttle store, so in Redis they
// count across hosts; the alert is raised once per window, on the 5th.
import type { AuditSink } from './ports/audit.js';
import type { Logger } from './ports/log.js';
import type { Throttles } from './throttle.js';

export type Lockout = { client: string; account?: string | undefined; accountKey?: string | undefined; reason: string };

export class LockoutWatch {
  constructor(
    private readonly throttles: Throttles,
    private readonly log: Logger,
    private readonly audit: AuditSink,
  ) {}

  /** Counts one lock-out; never fails the step it watches (a store fault is logged, the answer stands). */
  async noted(l: Lockout): Promise<void> {
    try {
      this.log.info({ user: l.account, client: l.client, reason: l.reason }, 'lock-out: a person budget is spent');
      await this.count('lockoutsPerClient', l.client, l);
      if (l.accountKey) await this.count('lockoutsPerAccount', l.accountKey, l);
    } catch (e) {
      this.log.error({ err: e instanceof Error ? e.message : String(e) }, 'lock-out counter not updated');
    }
  }

  private async count(kind: 'lockoutsPerClient' | 'lockoutsPerAccount', key: string, l: Lockout): Promise<void> {
    const t = await this.throttles.take(kind, key);
    if (!t.ok || t.remaining > 0) return; // below the threshold, or alerted already in this window
    const { points, durationSeconds } = this.throttles.limits[kind];
    const per = kind === 'lockoutsPerClient' ? 'client' : 'account';
    this.log.error(
      {
        alert: 'lockout_burst',
        per,
        client: l.client,
        user: l.account,
        lockouts: points,
        withinSeconds: durationSeconds,
      },
      `ADMIN ALERT: ${points} lock-outs within ${durationSeconds / 60} minutes ${per === 'client' ? `from client ${l.client}` : `of account ${l.account}`}: someone may be locking people out on purpose`,
    );
    await this.audit.record({
      step: 'identity',
      outcome: `alert_lockout_burst_${per}`,
      ...(l.account ? { user: l.account } : {}),
      client: l.client,
    });
  }
}
