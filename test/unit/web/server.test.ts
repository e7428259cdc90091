// The web host's edge: headers, limits, validation, and that faults never leak a stack trace.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { webHost, type WebHost } from '../../helpers/web-host.js';

let host: WebHost;
const post = (method: string, body: unknown) => host.post(method, body);

beforeAll(async () => {
  host = await webHost();
});
afterAll(() => host.stop());

describe('web host', () => {
  it('answers the contract over POST /api/<method>', async () => {
    const res = await post('start', { username: 'A.Janssen' });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ ok: true, step: 'identity' });
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
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ ok: false, code: 'invalid_request' });
  });

  it('refuses malformed JSON, oversized bodies and unknown methods without detail', async () => {
    for (const res of [
      await post('start', '{"username":'),
      await post('start', JSON.stringify({ username: 'x'.repeat(10_000) })),
      await post('eval', {}),
    ]) {
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.json).toEqual({ ok: false, code: 'invalid_request' });
    }
  });

  it('turns a fault into `internal` with a correlation id, never a stack trace', async () => {
    const findUser = vi
      .spyOn(host.directory, 'findUser')
      .mockRejectedValue(new TypeError('boom at secret/place.ts:12'));
    try {
      const { sessionId } = await host.walkTo('identity');
      const res = await post('verifyIdentity', { sessionId, birthdate: '01-10-1984' });
      expect(res.status).toBe(200);
      expect(res.json).toEqual({
        ok: false,
        code: 'internal',
        correlationId: expect.stringMatching(/^[0-9a-f]{8}$/) as string,
      });
      expect(res.body).not.toContain('boom');
    } finally {
      findUser.mockRestore();
    }
  });
});
