// SIEM forwarding against a local receiver started here: RFC 5424 messages in RFC 6587 octet-counted frames,
// over TCP and over TLS verified with a CA; a receiver that is away, comes back or drops the line; a full queue
// drops (counted, logged once) and never blocks; a whole reset through createApp reaches the SIEM with the
// audit file's seq and hash.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { formatSyslog, frame } from '../../../src-main/audit/syslog-format.js';
import { SyslogForwarder } from '../../../src-main/audit/syslog.js';
import type { RecordedEvent } from '../../../src-main/audit/tee.js';
import { syslogSchema } from '../../../src-main/config/audit.js';
import { freePort } from '../../helpers/free-port.js';
import { captureLog } from '../../helpers/log-capture.js';
import { makeCerts } from '../../helpers/tls-certs.js';
import { startSyslogReceiver } from '../../helpers/syslog-receiver.js';
import { webHost } from '../../helpers/web-host.js';

const certs = makeCerts();
const otherCa = makeCerts();
afterAll(() => (certs.remove(), otherCa.remove()));

const event = (i: number, extra: Partial<RecordedEvent> = {}): RecordedEvent => ({
  ts: '2026-11-25T10:00:00.000Z',
  host: 'web-a',
  step: 'identity',
  outcome: 'wrong_birthdate',
  user: `user${i}`,
  client: '10.0.0.4',
  seq: i,
  ...extra,
});
const config = (port: number, extra: Record<string, unknown> = {}) =>
  syslogSchema.parse({ host: '127.0.0.1', port, tls: false, reconnect: { minMs: 50, maxMs: 200 }, ...extra });
const RFC5424 = /^<(\d{1,3})>1 (\S+) (\S+) reset-kiosk (\d+) (\S+) \[audit@32473 (.*)\] (\S+) (\S+)$/;

describe('syslog format', () => {
  it('is RFC 5424 with escaped structured data, framed by octet count', () => {
    const msg = formatSyslog(event(7, { user: 'we"ird]\\name', hash: 'ab'.repeat(32) }), {
      facility: 10,
      enterpriseId: 32473,
      pid: 42,
    });
    expect(msg).toBe(
      `<85>1 2026-11-25T10:00:00.000Z web-a reset-kiosk 42 identity [audit@32473 seq="7" step="identity" outcome="wrong_birthdate" user="we\\"ird\\]\\\\name" client="10.0.0.4" hash="${'ab'.repeat(32)}"] identity wrong_birthdate`,
    );
    expect(formatSyslog(event(1, { outcome: 'ok' }), { facility: 10, enterpriseId: 32473 })).toMatch(/^<86>/); // authpriv.info
    expect(formatSyslog(event(1, { outcome: 'blocked_user' }), { facility: 16, enterpriseId: 1 })).toMatch(/^<132>/); // local0.warning
    const f = frame('<86>1 é');
    expect(f.toString()).toBe(`${Buffer.byteLength('<86>1 é')} <86>1 é`); // bytes, not characters
  });
});

describe('syslog forwarding', () => {
  it('over TCP: every event arrives, in order, in clean frames', async () => {
    const rx = await startSyslogReceiver();
    const fwd = new SyslogForwarder(config(rx.port), captureLog());
    for (let i = 1; i <= 200; i++) fwd.observe(event(i));
    await vi.waitFor(() => expect(rx.messages).toHaveLength(200));
    expect(rx.framingErrors).toEqual([]);
    expect(rx.messages.map((m) => RFC5424.exec(m)?.[6]?.match(/seq="(\d+)"/)?.[1])).toEqual(
      Array.from({ length: 200 }, (_, i) => String(i + 1)),
    );
    await fwd.close();
    await rx.stop();
  });

  it('over TLS verified with the CA; a receiver with a certificate from another CA gets nothing', async () => {
    const rx = await startSyslogReceiver({ tls: certs });
    const good = new SyslogForwarder(config(rx.port, { tls: true, caFile: certs.caFile }), captureLog());
    good.observe(event(1));
    await vi.waitFor(() => expect(rx.messages).toHaveLength(1));
    await good.close();

    const log = captureLog();
    const wrong = new SyslogForwarder(config(rx.port, { tls: true, caFile: otherCa.caFile }), log);
    wrong.observe(event(2));
    await vi.waitFor(() => expect(log.text()).toMatch(/unable to verify the first certificate.*cannot reach the SIEM/));
    await new Promise((r) => setTimeout(r, 300)); // a few reconnects: still refused, logged once
    expect(rx.messages).toHaveLength(1);
    expect(wrong.queued).toBe(1);
    expect(log.records().filter((l) => /cannot reach/.test(l.msg ?? ''))).toHaveLength(1);
    await wrong.close(0);
    await rx.stop();
  });

  it('queues while the SIEM is away, reconnects with backoff and delivers in order', async () => {
    const port = await freePort();
    const log = captureLog();
    const fwd = new SyslogForwarder(config(port), log);
    for (let i = 1; i <= 5; i++) fwd.observe(event(i));
    await new Promise((r) => setTimeout(r, 300));
    expect(fwd.queued).toBe(5);
    const rx = await startSyslogReceiver({ port });
    await vi.waitFor(() => expect(rx.messages).toHaveLength(5), { timeout: 3000 });
    expect(log.text()).toMatch(/connected to the SIEM again/);

    rx.dropConnections(); // the SIEM restarts: the forwarder comes back by itself
    await new Promise((r) => setTimeout(r, 50));
    for (let i = 6; i <= 8; i++) fwd.observe(event(i));
    await vi.waitFor(() => expect(rx.messages.length).toBeGreaterThanOrEqual(8), { timeout: 3000 });
    expect(rx.connections).toBeGreaterThanOrEqual(2);
    expect(rx.messages.slice(-3).map((m) => /seq="(\d+)"/.exec(m)?.[1])).toEqual(['6', '7', '8']);
    await fwd.close();
    await rx.stop();
  });

  it('a full queue drops new events, counts and logs them once, and never blocks', async () => {
    const log = captureLog();
    const fwd = new SyslogForwarder(config(await freePort(), { queueSize: 100 }), log);
    const started = performance.now();
    for (let i = 0; i < 20_000; i++) fwd.observe(event(i));
    expect(performance.now() - started).toBeLessThan(500);
    expect(fwd.queued).toBe(100);
    expect(fwd.stats.dropped).toBe(19_900);
    expect(log.records().filter((l) => /queue full/.test(l.msg ?? ''))).toHaveLength(1);
    await fwd.close(0);
  });

  it("a reset through the app reaches the SIEM with the audit file's seq and hash", async () => {
    const rx = await startSyslogReceiver();
    const dir = mkdtempSync(join(tmpdir(), 'rk-siem-'));
    const h = await webHost({
      config: {
        audit: {
          file: join(dir, 'audit-{host}.jsonl'),
          host: 'web-a',
          syslog: { host: '127.0.0.1', port: rx.port, tls: false },
        },
      },
    });
    const { sessionId } = await h.walkTo('password');
    await h.post('setPassword', { sessionId, password: 'Herfst#Blad-2031', repeat: 'Herfst#Blad-2031' });
    await vi.waitFor(() =>
      expect(rx.messages.map((m) => RFC5424.exec(m)?.[5])).toEqual([
        'start',
        'code_sent',
        'identity',
        'code',
        'password',
      ]),
    );
    await h.stop();
    const lines = readFileSync(join(dir, 'audit-web-a.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { seq: number; hash: string });
    rx.messages.forEach((m, i) => {
      expect(m).toContain(`seq="${lines[i]!.seq}" step`);
      expect(m).toContain(`hash="${lines[i]!.hash}"`);
    });
    expect(rx.messages.join('\n')).not.toMatch(/01-10-1984|1984-10-01|Herfst#Blad|\+31612345678/);
    await rx.stop();
    rmSync(dir, { recursive: true, force: true });
  });
});
