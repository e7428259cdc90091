// One bound LDAP connection per operation: TLS always (LDAPS or StartTLS), DC failover, timeouts, and an
// unbind in every case. Measured on Samba (test/integration/ad/bench.test.ts): connect+TLS+bind+unbind is
// ~10 ms of a ~40 ms reset, and a kept-open connection saved about that much. Resets are human-paced, so a
// pool would buy little and bring idle-timeout, reconnect and rebind handling; not worth it.
import type { ConnectionOptions } from 'node:tls';
import { Client } from 'ldapts';
import type { Logger } from '../core/log.js';
import { describeError, isFailoverError } from './ad-errors.js';

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
  private async open(): Promise<{ client: Client; url: string }> {
    const { urls } = this.settings;
    let lastError: unknown = new Error('no DC configured');
    for (let i = 0; i < urls.length; i++) {
      const index = (this.preferred + i) % urls.length;
      const url = urls[index]!;
      try {
        const client = await this.connect(url);
        if (index !== this.preferred) this.log.warn({ url }, 'directory: failed over to another DC');
        this.preferred = index;
        return { client, url };
      } catch (err) {
        lastError = err;
        if (!isFailoverError(err)) throw err;
        if (urls.length > 1) this.log.warn({ url, error: describeError(err) }, 'directory: DC did not answer');
      }
    }
    throw lastError;
  }

  private async connect(url: string): Promise<Client> {
    const s = this.settings;
    // ldapts: tlsOptions with an ldap:// URL would switch to implicit TLS on 389 (FACTS.md), so StartTLS
    // gets its options only in startTLS(), and always a fresh copy: startTLS() mutates the object it gets.
    const client = new Client({
      url,
      connectTimeout: s.connectMs,
      timeout: s.operationMs,
      ...(s.startTls ? {} : { tlsOptions: { ...s.tls } }),
    });
    try {
      if (s.startTls) {
        // Without `host` Node verifies the certificate against "localhost" (FACTS.md).
        const host = new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');
        await withDeadline(client.startTLS({ ...s.tls, host }), s.connectMs, `StartTLS with ${url}`);
      }
      await client.bind(s.bindDn, s.bindPassword);
      return client;
    } catch (err) {
      await client.unbind().catch(() => undefined);
      throw err;
    }
  }
}

/** ldapts times the TCP connect and each request, but not the TLS handshake of startTLS(): bound it here. */
async function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  work.catch(() => undefined); // a late failure after the deadline must not become an unhandled rejection
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
