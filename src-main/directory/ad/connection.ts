// Opening bound LDAP connections: TLS always (LDAPS or StartTLS), DC failover, timeouts, the service account's
// bind and nothing else. `run` is one connection per operation (doctor); the adapter's operations go through
// AdPool (pool.ts), which keeps a few of these open: measured on Samba, connect + TLS + bind is ~10–13 ms
// of a ~40 ms reset, twice per reset (lookup, then modify).
//
// No transparent reconnect, ever: ldapts reconnects a closed connection on the next request, unbound (and for
// StartTLS in clear text, since the upgrade is not replayed). Each connection may create its socket once;
// a second attempt throws ConnectionLostError before anything is written, and the pool retries on a new one.
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect, type ConnectionOptions } from 'node:tls';
import { Client } from 'ldapts';
import type { Logger } from '../../core/ports/log.js';
import { withTimeout } from '../../core/timing.js';
import { ConnectionLostError, describeError, isFailoverError } from './errors.js';

/** A connection bound as the service account, to `url`. */
export interface AdConnection {
  readonly client: Client;
  readonly url: string;
  /** false: its sockets no longer keep the process alive (an idle pooled connection must not hold a CLI open). */
  hold(active: boolean): void;
  /**
   * Still open and bound. Not ldapts' isBound alone: ldapts 8.2 misses the close of a StartTLS-upgraded
   * connection (its close handler sits on the plain socket and compares it with the TLS one), so we watch
   * the sockets ourselves.
   */
  alive(): boolean;
}

export interface AdConnectionSettings {
  urls: readonly string[];
  /** `ldap://` URLs are upgraded with StartTLS (config refuses plain LDAP). */
  startTls: boolean;
  /** `ca` (from caFile, else Node's store), `servername`; never `rejectUnauthorized: false`. */
  tls: ConnectionOptions;
  connectMs: number;
  operationMs: number;
  bindDn: string;
  bindPassword: string;
}

export class AdConnector {
  /** Index of the DC that answered last, tried first next time so a dead DC costs one timeout, not one per call. */
  private preferred = 0;

  constructor(
    private readonly settings: AdConnectionSettings,
    private readonly log: Logger,
  ) {}

  /** Opens a bound connection, runs `fn` on it and always unbinds (even a failed bind leaves a socket open). */
  async run<T>(fn: (client: Client, url: string) => Promise<T>): Promise<T> {
    const { client, url } = await this.open();
    try {
      return await fn(client, url);
    } finally {
      await client.unbind().catch(() => undefined);
    }
  }

  /** Tries each DC once, starting with the last good one; only transport-level failures move on. */
  async open(): Promise<AdConnection> {
    const { urls } = this.settings;
    let lastError: unknown = new Error('no DC configured');
    for (let i = 0; i < urls.length; i++) {
      const index = (this.preferred + i) % urls.length;
      const url = urls[index]!;
      try {
        const connection = await this.connect(url);
        if (index !== this.preferred) this.log.warn({ url }, 'directory: failed over to another DC');
        this.preferred = index;
        return connection;
      } catch (err) {
        lastError = err;
        if (!isFailoverError(err)) throw err;
        if (urls.length > 1) this.log.warn({ url, error: describeError(err) }, 'directory: DC did not answer');
      }
    }
    throw lastError;
  }

  private async connect(url: string): Promise<AdConnection> {
    const s = this.settings;
    const sockets: Socket[] = [];
    const made = new Set<string>();
    let closed = false;
    // Each kind once: LDAPS makes one TLS socket; StartTLS one TCP socket, then one TLS upgrade of it.
    const once =
      (kind: string, make: SocketFactory): SocketFactory =>
      (...args) => {
        if (made.has(kind)) throw new ConnectionLostError(url);
        made.add(kind);
        const socket = make(...args);
        sockets.push(socket);
        socket.once('close', () => (closed = true));
        return socket;
      };
    // ldapts: tlsOptions with an ldap:// URL would switch to implicit TLS on 389 (test/peers/samba/FACTS.md), so StartTLS
    // gets its options only in startTLS(), and always a fresh copy: startTLS() mutates the object it gets.
    const client = new Client({
      url,
      connectTimeout: s.connectMs,
      timeout: s.operationMs,
      ...(s.startTls ? {} : { tlsOptions: { ...s.tls } }),
      createConnection: once('tcp', netConnect) as typeof netConnect,
      createSecureConnection: once('tls', tlsConnect) as typeof tlsConnect,
    });
    try {
      if (s.startTls) {
        // Without `host` Node verifies the certificate against "localhost" (test/peers/samba/FACTS.md).
        const host = new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');
        await withHandshakeDeadline(client.startTLS({ ...s.tls, host }), s.connectMs, `StartTLS with ${url}`);
      }
      await client.bind(s.bindDn, s.bindPassword);
      // The service account's bind is the only one a connection ever sees: no user binds, pooled or not.
      client.bind = client.bindSASL = () =>
        Promise.reject(new Error('directory: a service connection is never re-bound'));
      return {
        client,
        url,
        hold: (active) => sockets.forEach((socket) => (active ? socket.ref() : socket.unref())),
        alive: () => !closed && client.isBound,
      };
    } catch (err) {
      await client.unbind().catch(() => undefined);
      throw err;
    }
  }
}

type SocketFactory = (...args: never[]) => Socket;

/** ldapts times the TCP connect and each request, but not the TLS handshake of startTLS(): bound it here. */
function withHandshakeDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  return withTimeout(work, ms, () => new Error(`${what} timed out after ${ms} ms`));
}
