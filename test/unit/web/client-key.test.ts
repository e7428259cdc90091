// Per-client keys: IPv6 clients by their /64, X-Forwarded-For believed only from the configured proxies, and
// a warning when a hop count is used where clients may reach the host directly.
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { serverSchema } from '../../../src-main/config/server.js';
import { DEFAULT_LIMITS } from '../../../src-main/core/throttle.js';
import { clientKey, proxyWarning } from '../../../src-main/web/client-key.js';
import { buildServer } from '../../../src-main/web/server.js';
import { RELAXED_LIMITS } from '../../helpers/demo-app.js';
import { webHost, type WebHost } from '../../helpers/web-host.js';
import { captureLog } from '../../helpers/log-capture.js';

describe('clientKey', () => {
  it.each([
    ['10.0.0.7', '10.0.0.7'],
    ['::ffff:10.0.0.7', '10.0.0.7'],
    ['2001:db8:1:2:a:b:c:d', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::1', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002:ffff:ffff:ffff:ffff', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['::1:2:3:4:5:6:7', '0:1:2:3::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['64:ff9b::192.0.2.1', '64:ff9b:0:0::/64'],
    ['not-an-address', 'invalid-address'], // a forged X-Forwarded-For entry: one key, never the text
  ])('%s → %s', (ip, key) => expect(clientKey(ip)).toBe(key));
});

describe('proxyWarning', () => {
  const server = (o: object) => serverSchema.parse(o);
  it('warns for a hop count on a reachable address unless the admin states it is reachable only through the proxy', () => {
    expect(proxyWarning(server({ host: '0.0.0.0', trustProxy: 1 }))).toMatch(
      /WARNING: server.trustProxy is a hop count/,
    );
    expect(proxyWarning(server({ host: '0.0.0.0', trustProxy: 1, reachableOnlyThroughProxy: true }))).toBeUndefined();
    expect(proxyWarning(server({ host: '127.0.0.1', trustProxy: 1 }))).toBeUndefined();
    expect(proxyWarning(server({ host: '0.0.0.0', trustProxy: ['10.0.0.2'] }))).toBeUndefined();
    expect(proxyWarning(server({ host: '0.0.0.0' }))).toBeUndefined();
  });
});

describe('per-client budgets on the web host', () => {
  let host: WebHost | undefined;
  afterEach(() => host?.stop());
  const wrongDate = async (server: FastifyInstance, client: string, headers: Record<string, string> = {}) => {
    const start = await server.inject({
      method: 'POST',
      url: '/api/start',
      payload: { username: `x.${Math.random()}` },
      remoteAddress: client,
      headers,
    });
    const res = await server.inject({
      method: 'POST',
      url: '/api/verifyIdentity',
      payload: { sessionId: start.json<{ sessionId: string }>().sessionId, birthdate: '01-01-1990' },
      remoteAddress: client,
      headers,
    });
    return res.json<{ code: string }>().code;
  };

  it('one IPv6 /64 is one client: rotating the interface id buys no tries', async () => {
    host = await webHost({
      overrides: { limits: { ...RELAXED_LIMITS, identityPerClient: { points: 3, durationSeconds: 3600 } } },
    });
    const answers = [];
    for (let i = 1; i <= 4; i++) answers.push(await wrongDate(host.server, `2001:db8:1:2::${i.toString(16)}`));
    expect(answers).toEqual(['identity_failed', 'identity_failed', 'identity_failed', 'blocked']);
    expect(await wrongDate(host.server, '2001:db8:1:3::1')).toBe('identity_failed'); // the next /64 is another client
  });

  it('X-Forwarded-For counts only from a listed proxy; a hop count warns at start-up', async () => {
    host = await webHost({
      overrides: {
        limits: { ...DEFAULT_LIMITS, ...RELAXED_LIMITS, identityPerClient: { points: 2, durationSeconds: 3600 } },
      },
    });
    const log = captureLog();
    const behindProxy = await buildServer(host.app, { log, server: serverSchema.parse({ trustProxy: ['10.0.0.2'] }) });
    try {
      // From somewhere else, a forged header changes nothing: the peer's address is the client.
      const forged = [];
      for (let i = 0; i < 3; i++)
        forged.push(await wrongDate(behindProxy, '192.0.2.9', { 'x-forwarded-for': `198.51.100.${i}` }));
      expect(forged).toEqual(['identity_failed', 'identity_failed', 'blocked']);
      // Through the proxy, each real client has its own budget.
      expect(await wrongDate(behindProxy, '10.0.0.2', { 'x-forwarded-for': '203.0.113.5' })).toBe('identity_failed');
      expect(await wrongDate(behindProxy, '10.0.0.2', { 'x-forwarded-for': '203.0.113.6' })).toBe('identity_failed');
      expect(log.text()).not.toContain('WARNING');
    } finally {
      await behindProxy.close();
    }
    const hops = await buildServer(host.app, { log, server: serverSchema.parse({ host: '0.0.0.0', trustProxy: 1 }) });
    await hops.close();
    expect(log.records().find((r) => r.level === 'warn')?.msg).toMatch(/hop count/);
  });
});
