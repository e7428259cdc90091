// The Redis adapters on their own: sessions with a Redis expiry, throttle counters shared by separate
// connections, the password kept out of the config, and failing closed when Redis goes away.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { parseConfig } from '../../../src-main/config/load.js';
import type { RedisStoreConfig } from '../../../src-main/config/store.js';
import { bindClient } from '../../helpers/bind-client.js';
import { captureLog } from '../../helpers/log-capture.js';
import { silentLogger } from '../../../src-main/core/ports/log.js';
import { newSessionId, type Session } from '../../../src-main/core/session.js';
import { DEFAULT_LIMITS, Throttles } from '../../../src-main/core/throttle.js';
import { createStore } from '../../../src-main/store/index.js';
import { keyedHash } from '../../../src-main/store/pepper.js';
import { PEPPER_ENV, startRedis, TEST_PEPPER, type RedisPeer } from '../../helpers/redis-server.js';
import { webHost } from '../../helpers/web-host.js';

let peer: RedisPeer;
let raw: Redis;
const ENV = 'RK_TEST_REDIS_PASSWORD';
/** The env an admin would give the host: the Redis password under the variable the config names. */
const env = () => ({ [ENV]: peer.password, ...PEPPER_ENV });
/** Why createStore refused to start ('started' when it did not refuse). */
const refusal = (store: Promise<unknown>) =>
  store.then(
    () => 'started',
    (e: Error) => String(e),
  );
const redisConfig = (over: Partial<RedisStoreConfig> = {}) =>
  parseConfig({
    store: { type: 'redis', url: peer.url, keyPrefix: 'test:', passwordEnv: ENV, allowPlainRedis: true, ...over },
  }).store as RedisStoreConfig;

beforeAll(async () => {
  peer = await startRedis();
  raw = new Redis(peer.url, { password: peer.password });
});
afterAll(async () => {
  raw?.disconnect();
  await peer?.stop();
});

describe('Redis store', () => {
  const sessionKey = (id: string) => `test:session:${keyedHash(Buffer.from(TEST_PEPPER), 'session', id)}`;

  it('keeps a session as JSON under the prefix and its keyed hash (never its id), expiring with the session (PX)', async () => {
    const store = await createStore(redisConfig(), silentLogger, env());
    const session: Session = {
      id: newSessionId(),
      step: 'identity',
      username: 'a.janssen',
      lang: 'nl',
      expiresAt: Date.now() + 60_000,
    };
    await store.sessions.save(session);
    expect(await store.sessions.get(session.id)).toEqual(session);
    const ttl = await raw.pttl(sessionKey(session.id));
    expect(await raw.get(sessionKey(session.id))).not.toContain(session.id);
    expect(await raw.keys(`*${session.id}*`)).toEqual([]);
    expect(ttl).toBeGreaterThan(55_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
    await store.sessions.delete(session.id);
    expect(await store.sessions.get(session.id)).toBeUndefined();
    await store.sessions.save({ ...session, expiresAt: Date.now() - 1 }); // already over: not stored
    expect(await raw.exists(sessionKey(session.id))).toBe(0);
    await store.close();
  });

  it('shares throttle counters between connections, under rk:<limit>:<keyed hash of the key>', async () => {
    const [a, b] = [
      await createStore(redisConfig(), silentLogger, env()),
      await createStore(redisConfig(), silentLogger, env()),
    ];
    const [ta, tb] = [new Throttles(DEFAULT_LIMITS, a.limiters), new Throttles(DEFAULT_LIMITS, b.limiters)];
    expect(await ta.take('codeChecks', 'sess:n1')).toEqual({ ok: true, remaining: 2 });
    expect(await tb.take('codeChecks', 'sess:n1')).toEqual({ ok: true, remaining: 1 });
    expect(await ta.take('codeChecks', 'sess:n1')).toEqual({ ok: true, remaining: 0 });
    expect(await tb.take('codeChecks', 'sess:n1')).toMatchObject({ ok: false });
    expect(await raw.get(`test:rk:codeChecks:${keyedHash(Buffer.from(TEST_PEPPER), 'limit', 'sess:n1')}`)).toBe('4');
    expect(await raw.keys('*sess:n1*')).toEqual([]);
    // 3 tries from two hosts at once: exactly 3 granted, whatever the interleaving.
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? ta : tb).take('codeChecks', 'sess:n2')),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    await a.close();
    await b.close();
  });

  it('refuses a password in the URL, and names the URL (not the password) when AUTH fails', async () => {
    expect(() => parseConfig({ store: { type: 'redis', url: `redis://:hunter2@127.0.0.1:${peer.port}` } })).toThrow(
      /no password in the URL/,
    );
    const err = await refusal(
      createStore(redisConfig({ passwordEnv: 'RK_WRONG' }), silentLogger, {
        RK_WRONG: 'wrong-password',
        ...PEPPER_ENV,
      }),
    );
    expect(err).toMatch(/cannot reach Redis at redis:\/\/127\.0\.0\.1:\d+/);
    expect(err).not.toContain('wrong-password');
  });

  it('refuses to start without the server secret, or on Redis without TLS and a password unless allowPlainRedis (then warns)', async () => {
    const noPepper = await refusal(createStore(redisConfig(), silentLogger, { [ENV]: peer.password }));
    expect(noPepper).toMatch(/needs a server secret: set RESET_KIOSK_STORE_PEPPER/);
    const short = await refusal(
      createStore(redisConfig(), silentLogger, {
        [ENV]: peer.password,
        RESET_KIOSK_STORE_PEPPER: 'short',
      }),
    );
    expect(short).toMatch(/shorter than 32/);
    const plain = await refusal(createStore(redisConfig({ allowPlainRedis: false }), silentLogger, env()));
    expect(plain).toMatch(/without TLS \(a rediss:\/\/ URL\):.*allowPlainRedis/);
    const neither = await refusal(
      createStore(redisConfig({ allowPlainRedis: false, passwordEnv: 'RK_UNSET' }), silentLogger, PEPPER_ENV),
    );
    expect(neither).toMatch(/without TLS \(a rediss:\/\/ URL\) and a password \(RK_UNSET\)/);
    const log = captureLog();
    const store = await createStore(redisConfig({ allowPlainRedis: true }), log, env());
    expect(log.records().find((l) => l.level === 'warn')?.msg).toMatch(/without TLS .*allowPlainRedis.*only safe/);
    await store.close();
  });

  it('fails closed when Redis goes away: a step answers `internal`, /readyz turns 503', async () => {
    const host = await webHost({
      config: { store: { type: 'redis', url: peer.url, keyPrefix: 'down:', passwordEnv: ENV, allowPlainRedis: true } },
      overrides: { env: env() },
    });
    expect((await host.get('/readyz')).json).toEqual({ ok: true, checks: { directory: 'ok', redis: 'ok' } });
    const api = bindClient(host.app.service, { clientId: 'k1' });
    const s = await api.start({ username: 'A.Janssen' });
    expect(s.ok).toBe(true);
    await raw.call('CLIENT', 'KILL', 'TYPE', 'normal', 'SKIPME', 'yes'); // drops every other client (the app's) connection
    await raw.config('SET', 'requirepass', 'changed'); // and keeps it out while we look
    const res = await api.start({ username: 'A.Janssen' });
    expect(res).toMatchObject({ ok: false, code: 'internal' });
    await host.reopen(); // a new host: no cached answer
    const ready = await host.get('/readyz');
    expect(ready.status).toBe(503);
    expect(ready.json.checks).toMatchObject({ redis: 'failed' });
    await raw.config('SET', 'requirepass', peer.password);
    await host.stop();
  });
});
