// Central mode: two web hosts (each its own createApp + fastify) behind a load balancer, sharing one Redis.
// Whichever host answers, a session continues, and the per-user limits (5 birthdates per 24 h, 3 tries per code)
// are counted once for both.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../../src-main/core/throttle.js';
import { verifyAuditFile } from '../../../src-main/audit/verify.js';
import { RELAXED_LIMITS } from '../../helpers/demo-app.js';
import { ANNA, ELEONORE, MARIEKE } from '../../helpers/demo-users.js';
import { PEPPER_ENV, startRedis, type RedisPeer } from '../../helpers/redis-server.js';
import { webHost, type WebHost } from '../../helpers/web-host.js';

const ENV = 'RK_TWO_HOSTS_REDIS_PASSWORD';
let peer: RedisPeer;
let shared: string;
const hosts: WebHost[] = [];

beforeAll(async () => {
  peer = await startRedis();
  shared = mkdtempSync(join(tmpdir(), 'rk-two-hosts-'));
  for (const name of ['web-a', 'web-b']) {
    hosts.push(
      await webHost({
        outbox: join(shared, 'outbox.jsonl'), // the phone: both hosts text to it
        config: {
          store: { type: 'redis', url: peer.url, passwordEnv: ENV, allowPlainRedis: true },
          audit: { file: join(shared, 'audit-{host}.jsonl'), host: name },
        },
        // Relaxed per-kiosk limits (one test client makes many calls); the per-user and per-code limits are the real ones.
        overrides: {
          env: { [ENV]: peer.password, ...PEPPER_ENV },
          limits: {
            ...RELAXED_LIMITS,
            identityPerUser: DEFAULT_LIMITS.identityPerUser,
            codeChecks: DEFAULT_LIMITS.codeChecks,
          },
        },
      }),
    );
  }
});
afterAll(async () => {
  for (const host of hosts) await host.stop();
  await peer?.stop();
  rmSync(shared, { recursive: true, force: true });
});

/** POSTs to host 0 (A) or 1 (B), like a load balancer would. */
const call = (host: 0 | 1, method: string, body: object) => hosts[host]!.call(method, body);
const lastCode = () => hosts[0]!.lastCode();

describe('two web hosts on one Redis', () => {
  it('a session started on A continues on B, and back, to a new password', async () => {
    const { sessionId } = await hosts[0]!.walkTo('identity', ANNA);
    expect(await call(1, 'verifyIdentity', { sessionId, birthdate: ANNA.birthdate })).toMatchObject({
      ok: true,
      step: 'code',
    });
    expect(await call(0, 'verifyCode', { sessionId, code: lastCode() })).toMatchObject({ ok: true, step: 'password' });
    expect(
      await call(1, 'setPassword', { sessionId, password: 'Herfst#Blad-2031', repeat: 'Herfst#Blad-2031' }),
    ).toMatchObject({ ok: true, step: 'done' });
    expect(await call(0, 'verifyCode', { sessionId, code: '123456' })).toMatchObject({ code: 'session_expired' }); // wiped for both
  });

  it('3 tries per code hold across hosts: after wrong tries on A, B, A the right code is refused on B', async () => {
    const { sessionId } = await hosts[1]!.walkTo('identity', ELEONORE);
    await call(0, 'verifyIdentity', { sessionId, birthdate: ELEONORE.birthdate });
    const code = lastCode();
    const wrong = code === '999999' ? '999998' : '999999';
    expect(await call(0, 'verifyCode', { sessionId, code: wrong })).toMatchObject({
      code: 'code_wrong',
      attemptsLeft: 2,
    });
    expect(await call(1, 'verifyCode', { sessionId, code: wrong })).toMatchObject({
      code: 'code_wrong',
      attemptsLeft: 1,
    });
    expect(await call(0, 'verifyCode', { sessionId, code: wrong })).toMatchObject({ code: 'code_attempts_exceeded' });
    expect(await call(1, 'verifyCode', { sessionId, code })).toMatchObject({ code: 'code_attempts_exceeded' });
  });

  it('5 wrong birthdates per user hold across hosts: the 6th try is blocked on either, even when right', async () => {
    for (let i = 0; i < 5; i++) {
      const { sessionId } = await hosts[i % 2 ? 1 : 0]!.walkTo('identity', MARIEKE);
      expect(await call(i % 2 ? 0 : 1, 'verifyIdentity', { sessionId, birthdate: `0${i + 1}-01-2000` })).toMatchObject({
        code: 'identity_failed',
      });
    }
    for (const host of [0, 1] as const) {
      const { sessionId } = await hosts[host]!.walkTo('identity', { ...MARIEKE, username: 'm.bakker@pantein.nl' });
      // The typed name's budget (`limit: 'user'`, counted for unknown names too), held across both hosts.
      expect(await call(host, 'verifyIdentity', { sessionId, birthdate: MARIEKE.birthdate })).toMatchObject({
        ok: false,
        code: 'blocked',
        limit: 'user',
      });
    }
  });

  it('each host keeps its own audit chain, and both verify', async () => {
    for (const host of hosts) await host.app.close(); // flush (afterAll's second close is harmless)
    for (const host of ['web-a', 'web-b']) {
      expect(await verifyAuditFile(join(shared, `audit-${host}.jsonl`))).toMatchObject({
        ok: true,
        hosts: [host],
        records: expect.any(Number) as number,
      });
    }
  });
});
