// A few service-account connections kept open and bound between operations, so a reset does not pay
// connect + TLS + bind (~10–13 ms on Samba) for its lookup and again for its modify.
// - At most `size` connections, idle ones reused most recent first. When all are in use a caller waits for
//   one (first come, first served) at most `waitMs`, then opens one of its own. Measured (`npm run bench`,
//   Samba, 2 CPUs, size 2) against opening an extra one at once: 8 users 1836–1856 vs 1724–1774 resets/min,
//   p99 0.30–0.32 vs 0.49–0.62 s; 32 users 1830–1878 vs 1656–1726/min, p99 1.1 vs 3.3–3.9 s. The DC
//   serialises password writes: more connections only add TLS handshakes and an unfair scramble.
// - Idle ones are closed after `idleMs`, below AD's MaxConnIdleTime (900 s); unref'd, they hold no process open.
// - Checked before reuse (AdConnection.alive: still open, still bound). A connection whose operation failed,
//   for any reason, is unbound and dropped, never returned; the next waiter then opens its own.
// - An operation that fails on a *reused* connection because the connection died (isConnectionLost; not an
//   LDAP answer) runs once more on a new one: reads always (`whenLost`), writes only when the request
//   provably never left (`whenUnsent`). A failure on a new connection is not retried: the DC is failing,
//   and the connector already tried every URL. size 0: no pool, no waiting, one connection per operation.
import type { Client } from 'ldapts';
import type { Logger } from '../../core/ports/log.js';
import type { AdConnection, AdConnector } from './connection.js';
import { describeError, isConnectionLost, neverSent } from './errors.js';

/** `size`: connections kept and shared (0 = one per operation); `idleMs`: idle life; `waitMs`: longest wait. */
export type AdPoolSettings = { size: number; idleMs: number; waitMs: number };

type Idle = { connection: AdConnection; timer: NodeJS.Timeout };
type Waiter = (connection: AdConnection | undefined) => void;

export class AdPool {
  /** Counts since start, for tests and diagnostics. */
  readonly stats = { opened: 0, reused: 0, waited: 0, retried: 0, dropped: 0, idleClosed: 0 };
  private readonly idle: Idle[] = [];
  private readonly waiters: Waiter[] = [];
  private busy = 0; // connections in use or being opened, extra ones included
  private closed = false;

  constructor(
    private readonly connector: Pick<AdConnector, 'open'>,
    private readonly settings: AdPoolSettings,
    private readonly log: Logger,
  ) {}

  /** Connections in use (or being opened) and idle ones kept open, for metrics. */
  get usage(): { busy: number; idle: number; size: number } {
    return { busy: this.busy, idle: this.idle.length, size: this.settings.size };
  }

  /** `retry`: what may run again after a reused connection died under it (see above). */
  async run<T>(fn: (client: Client, url: string) => Promise<T>, retry: 'whenLost' | 'whenUnsent'): Promise<T> {
    const reused = this.take() ?? (await this.wait());
    const connection = reused ?? (await this.open());
    try {
      return await this.attempt(connection, fn);
    } catch (err) {
      if (!reused || !isConnectionLost(err) || (retry === 'whenUnsent' && !neverSent(err))) throw err;
      this.stats.retried++;
      this.log.warn(
        { url: connection.url, error: describeError(err) },
        'directory: a pooled connection was lost; retrying once on a new one',
      );
      await this.closeIdle(); // opened alongside it, to the same DC: as likely to be dead
      this.busy++;
      return this.attempt(await this.open(), fn);
    }
  }

  /** Unbinds the idle connections; ones in use are unbound when they come back. Operations still work after. */
  async close(): Promise<void> {
    this.closed = true;
    this.waiters.splice(0).forEach((wake) => wake(undefined));
    await this.closeIdle();
  }

  private async attempt<T>(connection: AdConnection, fn: (client: Client, url: string) => Promise<T>): Promise<T> {
    let result: T;
    try {
      result = await fn(connection.client, connection.url);
    } catch (err) {
      this.stats.dropped++;
      this.busy--;
      this.waiters.shift()?.(undefined);
      await end(connection);
      throw err;
    }
    this.release(connection);
    return result;
  }

  /** Opens a connection for a slot already counted in `busy`. */
  private async open(): Promise<AdConnection> {
    const connection = await this.connector.open().catch((err: unknown) => {
      this.busy--;
      this.waiters.shift()?.(undefined); // a DC that is down fails the queue one by one, quickly
      throw err;
    });
    this.stats.opened++;
    return connection;
  }

  private take(): AdConnection | undefined {
    for (let idle = this.idle.pop(); idle; idle = this.idle.pop()) {
      clearTimeout(idle.timer);
      if (idle.connection.alive()) {
        idle.connection.hold(true);
        this.stats.reused++;
        this.busy++;
        return idle.connection;
      }
      this.stats.dropped++; // the DC closed it while idle (restart, its idle limit)
      this.log.info(
        { url: idle.connection.url },
        'directory: an idle connection had been closed by the DC; opening another',
      );
      void end(idle.connection);
    }
    return undefined;
  }

  /** A connection another caller hands over, or undefined: open one (its slot is counted from here). */
  private wait(): Promise<AdConnection | undefined> {
    if (this.closed || this.busy < this.settings.size || this.settings.size === 0) {
      this.busy++;
      return Promise.resolve(undefined);
    }
    this.stats.waited++;
    return new Promise((resolve) => {
      const waiter: Waiter = (connection) => {
        clearTimeout(timer);
        if (!connection) this.busy++;
        resolve(connection);
      };
      const timer = setTimeout(
        () => (this.waiters.splice(this.waiters.indexOf(waiter) >>> 0, 1), waiter(undefined)),
        this.settings.waitMs,
      ).unref();
      this.waiters.push(waiter);
    });
  }

  private release(connection: AdConnection): void {
    const alive = connection.alive();
    const next = alive && !this.closed ? this.waiters.shift() : undefined;
    if (next) {
      this.stats.reused++; // handed over still in use: `busy` stays
      return next(connection);
    }
    this.busy--;
    this.waiters.shift()?.(undefined); // only when this one is dead: the waiter opens its own
    if (this.closed || !alive || this.idle.length >= this.settings.size) return void end(connection);
    connection.hold(false);
    const entry: Idle = {
      connection,
      timer: setTimeout(() => {
        this.idle.splice(this.idle.indexOf(entry) >>> 0, 1); // always there: every removal clears the timer
        this.stats.idleClosed++;
        void end(connection);
      }, this.settings.idleMs).unref(),
    };
    this.idle.push(entry);
  }

  private async closeIdle(): Promise<void> {
    await Promise.all(this.idle.splice(0).map(({ connection, timer }) => (clearTimeout(timer), end(connection))));
  }
}

const end = (connection: AdConnection): Promise<void> => connection.client.unbind().catch(() => undefined);
