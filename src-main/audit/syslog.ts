// Forwards audit events to a SIEM over TCP or TLS, without ever holding up a reset: `observe` only puts the
// framed message on a bounded queue; one connection drains it in order. While the receiver is away events wait
// in the queue (up to `queueSize`); beyond that new ones are dropped, counted (metrics) and logged at most once a
// minute. The audit file keeps every event either way, and `seq` gaps per host show the SIEM what it missed.
// Delivery is at most once: TCP syslog has no acknowledgements (RFC 6587), so lines written into a connection
// that then breaks may be lost. Reconnects back off exponentially with jitter, reset after a good connection.
// Hand-written (about 100 lines) because the npm syslog clients frame TCP with a newline instead of octet
// counting, keep no bounded queue and reconnect per message (syslog-client 1.1; TLS only in forks).
import { readFileSync } from 'node:fs';
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import type { SyslogConfig } from '../config/audit.js';
import type { Logger } from '../core/ports/log.js';
import { formatSyslog, frame } from './syslog-format.js';
import type { RecordedEvent } from './tee.js';

const DROP_LOG_MS = 60_000;

export class SyslogForwarder {
  readonly stats = { sent: 0, dropped: 0, connects: 0, connected: false };
  private readonly queue: Buffer[] = [];
  private readonly ca: string | undefined;
  private socket: Socket | undefined;
  private writing = false;
  private backoff: number;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  private lastDropLog = 0;
  private down = false;

  constructor(
    private readonly config: SyslogConfig,
    private readonly log: Logger,
  ) {
    this.ca = config.caFile ? readFileSync(config.caFile, 'utf8') : undefined;
    this.backoff = config.reconnect.minMs;
    this.connect();
  }

  get queued(): number {
    return this.queue.length;
  }

  /** The audit observer: O(1), never throws, never waits. */
  readonly observe = (event: RecordedEvent): void => {
    if (this.closed) return;
    if (this.queue.length >= this.config.queueSize) return this.drop();
    this.queue.push(frame(formatSyslog(event, this.config)));
    this.flush();
  };

  /** Sends what is queued for up to `graceMs`, then closes. */
  async close(graceMs = 2000): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    const deadline = Date.now() + graceMs;
    while (this.stats.connected && (this.queue.length || this.writing) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    const socket = this.socket;
    if (!socket) return;
    await new Promise<void>((resolve) => {
      socket.once('close', () => resolve());
      socket.end();
      setTimeout(() => (socket.destroy(), resolve()), 500).unref();
    });
  }

  private drop(): void {
    this.stats.dropped++;
    const now = Date.now();
    if (now - this.lastDropLog < DROP_LOG_MS) return;
    this.lastDropLog = now;
    this.log.error(
      { siem: this.target, dropped: this.stats.dropped, queueSize: this.config.queueSize },
      'syslog: queue full, audit events are being dropped for the SIEM (the audit file has them)',
    );
  }

  private get target(): string {
    return `${this.config.host}:${this.config.port}`;
  }

  private connect(): void {
    const { host, port, tls, servername, connectTimeoutMs } = this.config;
    const socket = tls
      ? tlsConnect({
          host,
          port,
          minVersion: 'TLSv1.2',
          ...(this.ca ? { ca: [this.ca] } : {}),
          ...(servername ? { servername } : {}),
        })
      : netConnect({ host, port });
    this.socket = socket;
    socket.setTimeout(connectTimeoutMs, () => socket.destroy(new Error(`no connection within ${connectTimeoutMs} ms`)));
    socket.once(tls ? 'secureConnect' : 'connect', () => {
      socket.setTimeout(0);
      socket.setKeepAlive(true, 30_000);
      this.stats.connected = true;
      this.stats.connects++;
      this.backoff = this.config.reconnect.minMs;
      if (this.down) this.log.info({ siem: this.target }, 'syslog: connected to the SIEM again');
      this.down = false;
      this.flush();
    });
    socket.on('data', () => {}); // a receiver that talks back must not fill our buffers
    socket.on('error', (e: Error) => {
      if (!this.down && !this.closed)
        this.log.error(
          { siem: this.target, err: e.message },
          'syslog: cannot reach the SIEM; retrying with backoff, events queue meanwhile',
        );
      this.down = true;
    });
    socket.once('close', () => {
      this.stats.connected = false;
      this.writing = false;
      this.socket = undefined;
      if (this.closed) return;
      const wait = Math.round(this.backoff * (0.5 + Math.random() / 2));
      this.backoff = Math.min(this.backoff * 2, this.config.reconnect.maxMs);
      this.timer = setTimeout(() => this.connect(), wait);
      this.timer.unref();
    });
  }

  /** Writes queued frames in order, pausing on back-pressure until the socket drains. */
  private flush(): void {
    const socket = this.socket;
    if (!socket || !this.stats.connected || this.writing) return;
    while (this.queue.length) {
      const next = this.queue.shift()!;
      this.stats.sent++;
      if (!socket.write(next)) {
        this.writing = true;
        socket.once('drain', () => {
          this.writing = false;
          this.flush();
        });
        return;
      }
    }
  }
}
