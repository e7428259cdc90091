// Central mode: two web hosts (each its own createApp + fastify) behind a load balancer, sharing one Redis.
// Whichever host answers, a session continues, and the per-user limits (5 birthdates per 24 h, 3 tries per code)
// are counted once for both.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src-main/core/ports/log.js';
import { DEFAULT_LIMITS } from '../../../src-main/core/throttle.js';
import { verifyAuditFile } from '../../../src-main/audit/verify.js';
import { buildServer } from '../../../src-main/web/server.js';
import { demoApp, RELAXED_LIMITS, type DemoApp } from '../../helpers/demo-app.js';
import { startRedis, type RedisPeer } from '../../helpers/redis-server.js';

const ENV = 'RK_TWO_HOSTS_REDIS_PASSWORD';
let peer: RedisPeer;
let shared: string;
const hosts: { d: DemoApp; server: FastifyInstance }[] = [];

beforeAll(async () => {
  peer = await startRedis();
  process.env[ENV] = peer.password;
  shared = mkdtempSync(join(tmpdir(), 'rk-two-hosts-'));
  for (const name of ['web-a', 'web-b']) {
    const d = await demoApp({
      outbox: join(shared, 'outbox.jsonl'), // the phone: both hosts text to it
      config: { store: { type: 'redis', url: peer.url, passwordEnv: ENV }, audit: { file: join(shared, 'audit-{host}.jsonl'), host: name } },
      // Relaxed per-kiosk limits (one test client makes many calls); the per-user and per-code limits are the real ones.
      overrides: { limits: { ...RELAXED_LIMITS, identityPerUser: DEFAULT_LIMITS.identityPerUser, codeChecks: DEFAULT_LIMITS.codeChecks } },
    });
    hosts.push({ d, server: await buildServer(d.app, { log: silentLogger }) });
  }
});
afterAll(async () => {
  for (const { d, server } of hosts) await server.close().then(() => d.close());
  delete process.env[ENV];
  await peer?.stop();
  rmSync(shared, { recursive: true, force: true });
});

/** POSTs to host 0 (A) or 1 (B), like a load balancer would. */
async function call(host: 0 | 1, method: string, body: object) {
  const res = await hosts[host]!.server.inject({ method: 'POST', url: `/api/${method}`, payload: body });
  expect(res.statusCode).toBe(200);
  return res.json();
}
const lastCode = () => hosts[0]!.d.lastCode();

describe('two web hosts on one Redis', () => {
  it('a session started on A continues on B, and back, to a new password', async () => {
    const { sessionId } = await call(0, 'start', { username: 'A.Janssen' });
    expect(await call(1, 'verifyIdentity', { sessionId, birthdate: '01-10-1984' })).toMatchObject({ ok: true, step: 'code' });
    expect(await call(0, 'verifyCode', { sessionId, code: lastCode() })).toMatchObject({ ok: true, step: 'password' });
    expect(await call(1, 'setPassword', { sessionId, password: 'Herfst#Blad-2031', repeat: 'Herfst#Blad-2031' })).toMatchObject({ ok: true, step: 'done' });
    expect(await call(0, 'verifyCode', { sessionId, code: '123456' })).toMatchObject({ code: 'session_expired' }); // wiped for both
  });

  it('3 tries per code hold across hosts: after wrong tries on A, B, A the right code is refused on B', async () => {
    const { sessionId } = await call(1, 'start', { username: 'E.Dubois' });
    await call(0, 'verifyIdentity', { sessionId, birthdate: '30-11-1995' });
    const code = lastCode();
    const wrong = code === '999999' ? '999998' : '999999';
    expect(await call(0, 'verifyCode', { sessionId, code: wrong })).toMatchObject({ code: 'code_wrong', attemptsLeft: 2 });
    expect(await call(1, 'verifyCode', { sessionId, code: wrong })).toMatchObject({ code: 'code_wrong', attemptsLeft: 1 });
    expect(await call(0, 'verifyCode', { sessionId, code: wrong })).toMatchObject({ code: 'code_attempts_exceeded' });
    expect(await call(1, 'verifyCode', { sessionId, code })).toMatchObject({ code: 'code_attempts_exceeded' });
  });

  it('5 wrong birthdates per user hold across hosts: the 6th try is blocked on either, even when right', async () => {
    for (let i = 0; i < 5; i++) {
      const { sessionId } = await call(i % 2 ? 1 : 0, 'start', { username: 'M.Bakker' });
      expect(await call(i % 2 ? 0 : 1, 'verifyIdentity', { sessionId, birthdate: `0${i + 1}-01-2000` })).toMatchObject({ code: 'identity_failed' });
    }
    for (const host of [0, 1] as const) {
      const { sessionId } = await call(host, 'start', { username: 'm.bakker@pantein.nl' });
      // The typed name's budget (`limit: 'user'`, counted for unknown names too), held across both hosts.
      expect(await call(host, 'verifyIdentity', { sessionId, birthdate: '23-07-1990' })).toMatchObject({ ok: false, code: 'blocked', limit: 'user' });
    }
  });

  it('each host keeps its own audit chain, and both verify', async () => {
    for (const { d } of hosts) await d.app.close(); // flush (afterAll's second close is harmless)
    for (const host of ['web-a', 'web-b']) {
      expect(await verifyAuditFile(join(shared, `audit-${host}.jsonl`))).toMatchObject({ ok: true, hosts: [host], records: expect.any(Number) });
    }
  });
});
