// The web host's edge: headers, limits, validation, and that faults never leak a stack trace.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createApp, type App } from '../../../src-main/app.js';
import { parseConfig } from '../../../src-main/config/load.js';
import { silentLogger } from '../../../src-main/core/ports/log.js';
import { buildServer } from '../../../src-main/web/server.js';
import { DemoDirectory } from '../../../src-main/directory/demo.js';

const directory = DemoDirectory.load();

let app: App;
let server: FastifyInstance;
const post = (method: string, payload: unknown, headers: Record<string, string> = {}) =>
  server.inject({ method: 'POST', url: `/api/${method}`, payload: payload as string, headers: { 'content-type': 'application/json', ...headers } });

beforeAll(async () => {
  process.env.RESET_KIOSK_OUTBOX = `${process.env.TMPDIR ?? '/tmp'}/reset-kiosk-web-test-${process.pid}.jsonl`;
  app = await createApp(parseConfig({ security: { identityFloorMs: 0 } }), silentLogger, { directory });
  server = await buildServer(app, { log: silentLogger });
});
afterAll(async () => {
  await server.close();
  await app.close();
});

describe('web host', () => {
  it('answers the contract over POST /api/<method>', async () => {
    const res = await post('start', { username: 'A.Janssen' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, step: 'identity' });
  });

  it('sends a strict CSP without inline script and no-store', async () => {
    const res = await post('info', {});
    const csp = res.headers['content-security-policy'] as string;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it.each([
    ['unknown field', 'start', { username: 'a', admin: true }],
    ['wrong type', 'start', { username: 42 }],
    ['bad session id', 'verifyCode', { sessionId: '../../etc', code: '123456' }],
    ['missing field', 'setPassword', { sessionId: '0'.repeat(32), password: 'x' }],
  ])('refuses %s with 400 invalid_request', async (_name, method, body) => {
    const res = await post(method, body);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ ok: false, code: 'invalid_request' });
  });

  it('refuses malformed JSON, oversized bodies and unknown methods without detail', async () => {
    for (const res of [await post('start', '{"username":'), await post('start', JSON.stringify({ username: 'x'.repeat(10_000) })), await post('eval', {})]) {
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      expect(res.json()).toEqual({ ok: false, code: 'invalid_request' });
    }
  });

  it('turns a fault into `internal` with a correlation id, never a stack trace', async () => {
    const original = directory.findUser;
    directory.findUser = async () => {
      throw new TypeError('boom at secret/place.ts:12');
    };
    try {
      const start = (await post('start', { username: 'A.Janssen' })).json();
      const res = await post('verifyIdentity', { sessionId: start.sessionId, birthdate: '01-10-1984' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ ok: false, code: 'internal', correlationId: expect.stringMatching(/^[0-9a-f]{8}$/) });
      expect(res.body).not.toContain('boom');
    } finally {
      directory.findUser = original;
    }
  });
});
