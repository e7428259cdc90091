// The listening web host's edge over real sockets (not inject): slow clients are cut within the configured
// timeouts, the connection cap holds, and what fastify or Node's HTTP parser refuse before any route (a bad
// URL, huge headers, a broken request line, a timeout) answers in the product's format with the product's
// security headers, never echoing the request.
import type { FastifyInstance } from 'fastify';
import { connect, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverSchema } from '../../../src-main/config/server.js';
import { PERMISSIONS_POLICY } from '../../../src-main/web/edge.js';
import { buildServer } from '../../../src-main/web/server.js';
import { demoApp, type DemoApp } from '../../helpers/demo-app.js';
import { captureLog } from '../../helpers/log-capture.js';

const TIMEOUTS = { headersSeconds: 1, requestSeconds: 2, idleSeconds: 5, keepAliveSeconds: 1 };
const MAX_CONNECTIONS = 10;
const CHECK_MS = 1000; // Node checks header/request timeouts once a second (web/edge.ts)
let d: DemoApp;
let server: FastifyInstance;
let port: number;
const log = captureLog();

beforeAll(async () => {
  d = await demoApp();
  server = await buildServer(d.app, {
    log,
    server: serverSchema.parse({ timeouts: TIMEOUTS, maxConnections: MAX_CONNECTIONS }),
  });
  await server.listen({ host: '127.0.0.1', port: 0 });
  port = (server.server.address() as { port: number }).port;
});
afterAll(async () => {
  await server?.close();
  await d?.close();
});

/** A raw TCP connection; resolves `closed` with the ms since it opened and everything the server sent. */
function open(): { socket: Socket; closed: Promise<{ ms: number; data: string }> } {
  const started = performance.now();
  const socket = connect(port, '127.0.0.1');
  let data = '';
  socket.on('data', (b) => (data += b.toString('latin1')));
  socket.on('error', () => {});
  const closed = new Promise<{ ms: number; data: string }>((resolve) =>
    socket.on('close', () => resolve({ ms: performance.now() - started, data })),
  );
  return { socket, closed };
}
/** Sends `text` one byte at a time, `everyMs` apart, until the socket closes. */
async function trickle(socket: Socket, text: string, everyMs: number): Promise<void> {
  for (const ch of text) {
    if (socket.destroyed || !socket.writable) return;
    socket.write(ch);
    await sleep(everyMs);
  }
}
const parse = (raw: string) => {
  const [head = '', body = ''] = raw.split('\r\n\r\n');
  const [status, ...lines] = head.split('\r\n');
  const headers = Object.fromEntries(
    lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
  );
  return { status: Number(status?.split(' ')[1]), headers, body };
};

describe('slow clients are cut (timeouts from config, seconds)', () => {
  it(`a trickling body is cut within requestSeconds (${TIMEOUTS.requestSeconds} s), answered 408 in the product's format`, async () => {
    const { socket, closed } = open();
    socket.write(
      `POST /api/start HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 400\r\n\r\n`,
    );
    void trickle(socket, `{"username":"${'a'.repeat(380)}"}`, 200);
    const { ms, data } = await closed;
    expect(ms).toBeGreaterThan(TIMEOUTS.requestSeconds * 1000 - 100);
    expect(ms).toBeLessThan(TIMEOUTS.requestSeconds * 1000 + CHECK_MS + 500);
    expect(parse(data)).toMatchObject({ status: 408, body: '{"ok":false,"code":"invalid_request"}' });
  });

  it(`trickling headers are cut within headersSeconds (${TIMEOUTS.headersSeconds} s)`, async () => {
    const { socket, closed } = open();
    void trickle(socket, `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ${'z'.repeat(100)}\r\n\r\n`, 100);
    const { ms, data } = await closed;
    expect(ms).toBeLessThan(TIMEOUTS.headersSeconds * 1000 + CHECK_MS + 500);
    expect(parse(data).status).toBe(408);
  });

  it('a connection that never sends a byte is closed too (slowloris)', async () => {
    const { closed } = open();
    expect((await closed).ms).toBeLessThan(TIMEOUTS.headersSeconds * 1000 + CHECK_MS + 500);
  });

  it(`an idle keep-alive connection is closed after keepAliveSeconds (${TIMEOUTS.keepAliveSeconds} s)`, async () => {
    const { socket, closed } = open();
    socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
    const { ms, data } = await closed;
    expect(parse(data).status).toBe(200);
    expect(ms).toBeLessThan(TIMEOUTS.keepAliveSeconds * 1000 + CHECK_MS + 500);
  });
});

describe("refusals before the routes answer in the product's format, with the product's headers", () => {
  const request = async (raw: string) => {
    const { socket, closed } = open();
    socket.write(raw);
    return parse((await closed).data);
  };
  let expected: Record<string, string>;
  beforeAll(async () => {
    const normal = await request('GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expected = Object.fromEntries(
      Object.entries(normal.headers).filter(
        ([k]) => !['content-type', 'content-length', 'date', 'connection', 'keep-alive'].includes(k),
      ),
    );
    expect(expected['content-security-policy']).toContain("default-src 'none'");
    expect(expected['permissions-policy']).toBe(PERMISSIONS_POLICY);
  });

  it.each([
    [
      'a URL that cannot be decoded',
      'GET /api/%c0%ae%c0%ae/secret-path HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
      400,
    ],
    ['headers over 8 KB', `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'b'.repeat(20_000)}\r\n\r\n`, 431],
    ['a broken request line', 'GET /secret-path\u0001 HTTP/9.9\r\n\r\n', 400],
    ['an invalid header', 'GET /healthz HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n', 400],
    ['an unknown path', 'GET /secret-path HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 404],
    ['a wrong method', 'DELETE /api/start HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 404],
    [
      'a body of an unknown type',
      'POST /api/start HTTP/1.1\r\nHost: x\r\nContent-Type: application/xml\r\nContent-Length: 4\r\nConnection: close\r\n\r\n<a/>',
      415,
    ],
    [
      'a body over 4 KB',
      `POST /api/start HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5000\r\nConnection: close\r\n\r\n${' '.repeat(5000)}`,
      413,
    ],
  ])('%s → %s', async (_name, raw, status) => {
    const res = await request(raw);
    expect(res.status).toBe(status);
    expect(JSON.parse(res.body)).toEqual({ ok: false, code: 'invalid_request' });
    expect(res.body).not.toContain('secret-path');
    for (const [name, value] of Object.entries(expected)) expect(res.headers[name], name).toBe(value);
  });
});

describe('connection cap', () => {
  it(`holds at most ${MAX_CONNECTIONS} connections: beyond the cap a new one is closed at once`, async () => {
    const held = Array.from({ length: MAX_CONNECTIONS }, () => open());
    for (const h of held) h.socket.write('G'); // started a request: open until headersSeconds
    await sleep(100);
    const extra = open();
    expect((await extra.closed).ms).toBeLessThan(500);
    for (const h of held) h.socket.destroy();
  });
});

it('logged the refusals without any of the request (no path, no header value)', () => {
  expect(log.text()).toContain('request refused');
  expect(log.text()).not.toContain('secret-path');
  expect(log.text()).not.toContain('bbbbbbbb');
});
