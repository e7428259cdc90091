// The Redis adapters on their own: sessions with a Redis expiry, throttle counters shared by separate
// connections, the password kept out of the config, and failing closed when Redis goes away.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { parseConfig } from '../../../src-main/config/load.js';
import type { RedisStoreConfig } from '../../../src-main/config/store.js';
import { bindClient } from '../../helpers/bind-client.js';
import { silentLogger } from '../../../src-main/core/ports/log.js';
import { newSessionId, type Session } from '../../../src-main/core/session.js';
import { DEFAULT_LIMITS, Throttles } from '../../../src-main/core/throttle.js';
import { createStore } from '../../../src-main/store/index.js';
import { buildServer } from '../../../src-main/web/server.js';
import { demoApp } from '../../helpers/demo-app.js';
import { startRedis, type RedisPeer } from '../../helpers/redis-server.js';

let peer: RedisPeer;
let raw: Redis;
const ENV = 'RK_TEST_REDIS_PASSWORD';
const redisConfig = (over: Partial<RedisStoreConfig> = {}) =>
  parseConfig({ store: { type: 'redis', url: peer.url, keyPrefix: 'test:', passwordEnv: ENV, ...over } }).store as RedisStoreConfig;

beforeAll(async () => {
  peer = await startRedis();
  process.env[ENV] = peer.password;
  raw = new Redis(peer.url, { password: peer.password });
});
afterAll(async () => {
  raw?.disconnect();
  delete process.env[ENV];
  await peer?.stop();
});

describe('Redis store', () => {
  it('keeps a session as JSON under the prefix, expiring with the session (PX)', async () => {
    const store = await createStore(redisConfig(), silentLogger);
    const session: Session = { id: newSessionId(), step: 'identity', username: 'a.janssen', lang: 'nl', expiresAt: Date.now() + 60_000 };
    await store.sessions.save(session);
    expect(await store.sessions.get(session.id)).toEqual(session);
    const ttl = await raw.pttl(`test:session:${session.id}`);
    expect(ttl).toBeGreaterThan(55_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
    await store.sessions.delete(session.id);
    expect(await store.sessions.get(session.id)).toBeUndefined();
    await store.sessions.save({ ...session, expiresAt: Date.now() - 1 }); // already over: not stored
    expect(await raw.exists(`test:session:${session.id}`)).toBe(0);
    await store.close();
  });

  it('shares throttle counters between connections, under the memory scheme rk:<limit>:<key>', async () => {
    const [a, b] = [await createStore(redisConfig(), silentLogger), await createStore(redisConfig(), silentLogger)];
    const [ta, tb] = [new Throttles(DEFAULT_LIMITS, a.limiters), new Throttles(DEFAULT_LIMITS, b.limiters)];
    expect(await ta.take('codeChecks', 'sess:n1')).toEqual({ ok: true, remaining: 2 });
    expect(await tb.take('codeChecks', 'sess:n1')).toEqual({ ok: true, remaining: 1 });
    expect(await ta.take('codeChecks', 'sess:n1')).toEqual({ ok: true, remaining: 0 });
    expect(await tb.take('codeChecks', 'sess:n1')).toMatchObject({ ok: false });
    expect(await raw.get('test:rk:codeChecks:sess:n1')).toBe('4');
    // 3 tries from two hosts at once: exactly 3 granted, whatever the interleaving.
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? ta : tb).take('codeChecks', 'sess:n2')));
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    await a.close();
    await b.close();
  });

  it('refuses a password in the URL, and names the URL (not the password) when AUTH fails', async () => {
    expect(() => parseConfig({ store: { type: 'redis', url: `redis://:hunter2@127.0.0.1:${peer.port}` } })).toThrow(/no password in the URL/);
    process.env.RK_WRONG = 'wrong-password';
    const err = await createStore(redisConfig({ passwordEnv: 'RK_WRONG' }), silentLogger).catch((e: Error) => e);
    expect(String(err)).toMatch(/cannot reach Redis at redis:\/\/127\.0\.0\.1:\d+/);
    expect(String(err)).not.toContain('wrong-password');
  });

  it('fails closed when Redis goes away: a step answers `internal`, /readyz turns 503', async () => {
    const d = await demoApp({ config: { store: { type: 'redis', url: peer.url, keyPrefix: 'down:', passwordEnv: ENV } } });
    const server = await buildServer(d.app, { log: silentLogger });
    expect((await server.inject('/readyz')).json()).toEqual({ ok: true, checks: { directory: 'ok', redis: 'ok' } });
    const api = bindClient(d.app.service, { clientId: 'k1' });
    const s = await api.start({ username: 'A.Janssen' });
    expect(s.ok).toBe(true);
    await raw.call('CLIENT', 'KILL', 'TYPE', 'normal', 'SKIPME', 'yes'); // drops every other client (the app's) connection
    await raw.config('SET', 'requirepass', 'changed'); // and keeps it out while we look
    const res = await api.start({ username: 'A.Janssen' });
    expect(res).toMatchObject({ ok: false, code: 'internal' });
    const fresh = await buildServer(d.app, { log: silentLogger });
    const ready = await fresh.inject('/readyz');
    expect(ready.statusCode).toBe(503);
    expect(ready.json().checks.redis).toBe('failed');
    await raw.config('SET', 'requirepass', peer.password);
    await server.close();
    await fresh.close();
    await d.close();
  });
});
