// A few service-account connections kept open and bound between operations, so a reset does not pay
// connect + TLS + bind (~10–13 ms on Samba) for its lookup and again for its modify.
//
// - At most `size` idle connections are kept (LIFO: the most recently used is reused, the rest age out).
//   A caller that finds none idle opens one of its own rather than waiting: the benchmark measured no gain
//   from queueing (bench/README.md, "pool"), and an extra connection is exactly what every operation did
//   before the pool. It goes back to the pool on release if there is room, else it is unbound.
// - An idle connection is unbound and closed after `idleMs` (an unref'd timer), below AD's MaxConnIdleTime
//   (900 s) so the DC never drops one we still count on; its sockets do not keep the process alive.
// - A connection is checked before reuse (ldapts' isBound: still open, still bound); one that failed an
//   operation, for any reason, is unbound and dropped, never returned.
// - When an operation fails on a *reused* connection because the connection died (isConnectionLost: reset,
//   closed, timed out; not an LDAP answer), it runs once more on a new connection: always for reads
//   (`whenLost`), and for writes only when the request provably never left (`whenUnsent`). A failure on a
//   new connection is not retried: the DC itself is failing, and the connector already tried every URL.
// - size 0: no idle connections, one connection per operation, as before the pool.
import type { Client } from 'ldapts';
import type { Logger } from '../core/log.js';
import type { AdConnection, AdConnector } from './ad-connection.js';
import { describeError, isConnectionLost, neverSent } from './ad-errors.js';

export interface AdPoolSettings {
  /** Idle connections kept at most; 0 = none. */
  size: number;
  /** An idle connection is closed after this long. */
  idleMs: number;
}

/** What may run again after a reused connection died under it. */
export type Retry = 'whenLost' | 'whenUnsent';

type Idle = { connection: AdConnection; timer: NodeJS.Timeout };

export class AdPool {
  /** Counts since start, for tests and diagnostics. */
  readonly stats = { opened: 0, reused: 0, retried: 0, dropped: 0, idleClosed: 0 };
  private readonly idle: Idle[] = [];
  private closed = false;

  constructor(
    private readonly connector: Pick<AdConnector, 'open'>,
    private readonly settings: AdPoolSettings,
    private readonly log: Logger,
  ) {}

  async run<T>(fn: (client: Client, url: string) => Promise<T>, retry: Retry): Promise<T> {
    const reused = this.take();
    const connection = reused ?? (await this.open());
    try {
      return await this.attempt(connection, fn);
    } catch (err) {
      if (!reused || !isConnectionLost(err) || (retry === 'whenUnsent' && !neverSent(err))) throw err;
      this.stats.retried++;
      this.log.warn({ url: connection.url, error: describeError(err) }, 'directory: a pooled connection was lost; retrying once on a new one');
      await this.closeIdle(); // opened alongside it, to the same DC: as likely to be dead
      return this.attempt(await this.open(), fn);
    }
  }

  /** Unbinds the idle connections; ones in use are unbound when they come back. Operations still work after. */
  async close(): Promise<void> {
    this.closed = true;
    await this.closeIdle();
  }

  private async attempt<T>(connection: AdConnection, fn: (client: Client, url: string) => Promise<T>): Promise<T> {
    let result: T;
    try {
      result = await fn(connection.client, connection.url);
    } catch (err) {
      this.stats.dropped++;
      await end(connection);
      throw err;
    }
    this.release(connection);
    return result;
  }

  private async open(): Promise<AdConnection> {
    const connection = await this.connector.open();
    this.stats.opened++;
    return connection;
  }

  private take(): AdConnection | undefined {
    for (let idle = this.idle.pop(); idle; idle = this.idle.pop()) {
      clearTimeout(idle.timer);
      if (idle.connection.client.isBound) {
        idle.connection.hold(true);
        this.stats.reused++;
        return idle.connection;
      }
      this.stats.dropped++; // the DC closed it while idle (restart, its own idle limit)
      this.log.info({ url: idle.connection.url }, 'directory: an idle connection had been closed by the DC; opening another');
      void end(idle.connection);
    }
    return undefined;
  }

  private release(connection: AdConnection): void {
    if (this.closed || this.idle.length >= this.settings.size || !connection.client.isBound) {
      void end(connection);
      return;
    }
    connection.hold(false);
    const entry: Idle = {
      connection,
      timer: setTimeout(() => {
        const i = this.idle.indexOf(entry);
        if (i >= 0) this.idle.splice(i, 1);
        this.stats.idleClosed++;
        void end(connection);
      }, this.settings.idleMs).unref(),
    };
    this.idle.push(entry);
  }

  private async closeIdle(): Promise<void> {
    const idle = this.idle.splice(0);
    await Promise.all(idle.map(({ connection, timer }) => (clearTimeout(timer), end(connection))));
  }
}

const end = (connection: AdConnection): Promise<void> => connection.client.unbind().catch(() => undefined);
