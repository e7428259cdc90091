// The admin listener as hardened as the wizard (issue 27): scopes per token (403 + an audit line), every admin
// audit line with its subject, wrong tokens counted per client (and per IPv6 /64) while a right token always
// passes, the framework's refusals in the product's shape without echo, the server's header timeout, and the
// connection cap with a per-client limit — over real sockets where it matters.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src-main/core/ports/log.js';
import { DEFAULT_LIMITS } from '../../../src-main/core/throttle.js';
import { buildAdminServer } from '../../../src-main/web/admin-server.js';
import { RELAXED_LIMITS } from '../../helpers/demo-app.js';
import { webHost, type WebHost } from '../../helpers/web-host.js';

const DESK = 'd'.repeat(40);
const PROM = 'p'.repeat(40);
const BARE = 'b'.repeat(40);
const dir = mkdtempSync(join(tmpdir(), 'rk-admin-edge-'));
let h: WebHost;
let admin: FastifyInstance;
let port: number;

beforeAll(async () => {
  h = await webHost({
    config: {
      audit: { file: join(dir, 'audit-{host}.jsonl'), host: 'web-a' },
      server: { timeouts: { headersSeconds: 1, requestSeconds: 2, idleSeconds: 5, keepAliveSeconds: 1 } },
      admin: {
        enabled: true,
        port: 0,
        tokens: [
          { label: 'servicedesk', tokenEnv: 'RK_DESK', scopes: ['status', 'unblock', 'health'] },
          { label: 'prometheus', tokenEnv: 'RK_PROM', scopes: ['metrics'] },
          { label: 'bare', tokenEnv: 'RK_BARE' },
        ],
        failureLimit: { points: 20, durationSeconds: 600 },
        maxConnections: 30,
        maxConnectionsPerClient: 5,
      },
    },
    overrides: { limits: { ...RELAXED_LIMITS, identityPerUser: DEFAULT_LIMITS.identityPerUser } },
  });
  admin = await buildAdminServer(h.app, { log: silentLogger, env: { RK_DESK: DESK, RK_PROM: PROM, RK_BARE: BARE } });
  await admin.listen({ host: '127.0.0.1', port: 0 });
  port = (admin.server.address() as { port: number }).port;
});
afterAll(async () => {
  await admin.close();
  await h.stop();
  rmSync(dir, { recursive: true, force: true });
});

const req = (method: 'GET' | 'POST', url: string, token?: string, from = '127.0.0.1', payload?: object) =>
  admin.inject({
    method,
    url,
    remoteAddress: from,
    ...(payload ? { payload } : {}),
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
const auditLines = async () => {
  await h.app.audit.record({ step: 'cancel', outcome: 'ok', client: 'test' }); // the file sink writes in order: this one last
  return readFileSync(join(dir, 'audit-web-a.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .filter((r) => r['step'] === 'admin');
};

describe('scopes', () => {
  it('a metrics-only token reads /metrics and nothing else: 403 and an audit line naming token, action and subject', async () => {
    expect((await req('GET', '/metrics', PROM)).statusCode).toBe(200);
    const status = await req('GET', '/admin/status?user=A.Janssen', PROM);
    expect([status.statusCode, status.json()]).toEqual([403, { ok: false, code: 'forbidden' }]);
    expect((await req('POST', '/admin/unblock', PROM, '127.0.0.1', { user: 'M.Bakker' })).statusCode).toBe(403);
    expect((await req('GET', '/admin/health', PROM)).statusCode).toBe(403);
    // A token configured without scopes gets the least: health only.
    expect((await req('GET', '/admin/health', BARE)).statusCode).toBe(200);
    expect((await req('GET', '/metrics', BARE)).statusCode).toBe(403);
    expect((await req('GET', '/metrics', DESK)).statusCode).toBe(403);
    const lines = await auditLines();
    expect(lines).toContainEqual(
      expect.objectContaining({
        outcome: 'forbidden_status',
        client: 'admin:prometheus',
        subject: { typed: 'A.Janssen' },
      }),
    );
    expect(lines).toContainEqual(
      expect.objectContaining({
        outcome: 'forbidden_unblock',
        client: 'admin:prometheus',
        subject: { typed: 'M.Bakker' },
      }),
    );
    expect(lines).toContainEqual(
      expect.objectContaining({ outcome: 'forbidden_metrics', client: 'admin:servicedesk' }),
    );
  });
});

describe('every admin action audited with its subject', () => {
  it('by name (account objectGUID-key, account name, typed name) and by account id alone (no more user: null without a subject)', async () => {
    expect((await req('GET', '/admin/status?user=a.janssen%40pantein.nl', DESK)).statusCode).toBe(200);
    expect((await req('POST', '/admin/unblock', DESK, '127.0.0.1', { account: 'e.dubois' })).statusCode).toBe(200);
    expect((await req('GET', '/admin/status?user=nobody.here', DESK)).statusCode).toBe(200);
    const lines = await auditLines();
    expect(lines).toContainEqual(
      expect.objectContaining({
        outcome: 'status',
        user: 'A.Janssen',
        client: 'admin:servicedesk',
        subject: { account: 'a.janssen', name: 'A.Janssen', typed: 'a.janssen@pantein.nl' },
      }),
    );
    expect(lines).toContainEqual(
      expect.objectContaining({
        outcome: 'unblock_nothing_blocked',
        client: 'admin:servicedesk',
        subject: { account: 'e.dubois' },
      }),
    );
    expect(lines).toContainEqual(expect.objectContaining({ outcome: 'status', subject: { typed: 'nobody.here' } }));
    for (const l of lines.filter((x) =>
      ['status', 'unblock', 'unblock_nothing_blocked'].includes(String(x['outcome'])),
    ))
      expect(l['subject']).toBeDefined();
  });
});

describe('wrong tokens are counted per client; a right token always passes', () => {
  it('100 wrong tokens from 127.0.0.1: 401 × 20 then 429; the right token from 127.0.0.1 and 127.0.0.2 keeps working', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 100; i++) {
      codes.push((await req('GET', '/admin/health', `wrong-${i}`.padEnd(40, 'x'), '127.0.0.1')).statusCode);
      if (i % 10 === 9) {
        expect((await req('GET', '/admin/health', DESK, '127.0.0.2')).statusCode).toBe(200);
        expect((await req('GET', '/admin/health', DESK, '127.0.0.1')).statusCode).toBe(200);
      }
    }
    expect(codes.slice(0, 20).every((c) => c === 401)).toBe(true);
    expect(codes.slice(20).every((c) => c === 429)).toBe(true);
    const blocked = (await auditLines()).filter((l) => l['outcome'] === 'unauthorized_blocked');
    expect(blocked).toHaveLength(1); // one line per blocked window, not 80
  });

  it('40 addresses of one IPv6 /64 share one budget of 20', async () => {
    const codes: number[] = [];
    for (let i = 1; i <= 40; i++)
      codes.push((await req('GET', '/admin/health', 'x'.repeat(40), `2001:db8:1:2::${i.toString(16)}`)).statusCode);
    expect(codes.filter((c) => c === 401)).toHaveLength(20);
    expect((await req('GET', '/admin/health', 'x'.repeat(40), '2001:db8:1:3::1')).statusCode).toBe(401); // another /64
    expect((await req('GET', '/admin/health', DESK, '2001:db8:1:2::99')).statusCode).toBe(200);
  });
});

/** A raw TCP connection; `closed` resolves with ms since it opened and everything the server sent. */
function open(from = '127.0.0.1'): { socket: Socket; closed: Promise<{ ms: number; data: string }> } {
  const started = performance.now();
  const socket = connect({ port, host: '127.0.0.1', localAddress: from });
  let data = '';
  socket.on('data', (b) => (data += b.toString('latin1')));
  socket.on('error', () => {});
  return {
    socket,
    closed: new Promise((resolve) => socket.on('close', () => resolve({ ms: performance.now() - started, data }))),
  };
}

describe('the edge, over real sockets', () => {
  it('answers /admin/%zz<script> in the product shape with the security headers, echoing nothing', async () => {
    const c = open();
    c.socket.write(
      `GET /admin/%zz<script>alert(1)</script> HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${DESK}\r\nConnection: close\r\n\r\n`,
    );
    const { data } = await c.closed;
    expect(data).toMatch(/^HTTP\/1\.1 400 /);
    expect(data).toMatch(/content-security-policy: default-src 'none'/i);
    expect(data).toMatch(/x-content-type-options: nosniff/i);
    expect(data).toMatch(/cache-control: no-store/i);
    expect(data).toContain('{"ok":false,"code":"invalid_request"}');
    expect(data).not.toMatch(/script|%zz/i);
  });

  it('cuts a header trickled 1 byte per 200 ms within headersSeconds (1 s) + the 1 s check', async () => {
    const c = open();
    const header = `GET /admin/health HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${DESK}\r\nX-Slow: ${'a'.repeat(100)}\r\n\r\n`;
    void (async () => {
      for (const ch of header) {
        if (c.socket.destroyed) return;
        c.socket.write(ch);
        await new Promise((r) => setTimeout(r, 200));
      }
    })();
    const { ms, data } = await c.closed;
    expect(ms).toBeLessThan(2600);
    expect(data).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('holds at most 5 connections per client: 50 idle ones from 127.0.0.1 leave room for 127.0.0.2', async () => {
    const flood = Array.from({ length: 50 }, () => open('127.0.0.1'));
    await new Promise((r) => setTimeout(r, 300));
    const alive = flood.filter((c) => !c.socket.destroyed);
    expect(alive.length).toBeLessThanOrEqual(5);
    const res = await fetchFrom('127.0.0.2');
    expect(res).toMatch(/^HTTP\/1\.1 200 /);
    for (const c of flood) c.socket.destroy();
  });
});

/** GET /admin/health with the desk token over a fresh connection from `from`; the raw answer. */
async function fetchFrom(from: string): Promise<string> {
  const c = open(from);
  c.socket.write(`GET /admin/health HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${DESK}\r\nConnection: close\r\n\r\n`);
  return (await c.closed).data;
}
