// The servicedesk lifts a block on one host and it is lifted on all: two web hosts share one Redis (started
// here), each with its own admin listener. A person blocked through host A is shown as blocked by host B's
// listener, unblocked there with the CLI, and can then prove her birthdate on host A again.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCommand } from '../../../src-main/admin/command.js';
import { silentLogger } from '../../../src-main/core/ports/log.js';
import { DEFAULT_LIMITS } from '../../../src-main/core/throttle.js';
import { buildAdminServer } from '../../../src-main/web/admin-server.js';
import { buildServer } from '../../../src-main/web/server.js';
import { demoApp, RELAXED_LIMITS, type DemoApp } from '../../helpers/demo-app.js';
import { PEPPER_ENV, startRedis, type RedisPeer } from '../../helpers/redis-server.js';

const TOKEN = 'e'.repeat(64);
let peer: RedisPeer;
let shared: string;
const hosts: { d: DemoApp; server: FastifyInstance; admin: FastifyInstance; adminUrl: string }[] = [];

beforeAll(async () => {
  peer = await startRedis();
  shared = mkdtempSync(join(tmpdir(), 'rk-admin-redis-'));
  for (const name of ['web-a', 'web-b']) {
    const d = await demoApp({
      outbox: join(shared, 'outbox.jsonl'),
      config: {
        store: { type: 'redis', url: peer.url, passwordEnv: 'RK_ADMIN_REDIS_PASSWORD', allowPlainRedis: true },
        audit: { file: join(shared, 'audit-{host}.jsonl'), host: name },
        admin: { enabled: true, port: 0 },
      },
      overrides: {
        env: { RK_ADMIN_REDIS_PASSWORD: peer.password, ...PEPPER_ENV },
        limits: { ...RELAXED_LIMITS, identityPerUser: DEFAULT_LIMITS.identityPerUser },
      },
    });
    const admin = await buildAdminServer(d.app, { log: silentLogger, env: { RESET_KIOSK_ADMIN_TOKEN: TOKEN } });
    hosts.push({
      d,
      server: await buildServer(d.app, { log: silentLogger }),
      admin,
      adminUrl: await admin.listen({ host: '127.0.0.1', port: 0 }),
    });
  }
});
afterAll(async () => {
  for (const { d, server, admin } of hosts) await Promise.all([server.close(), admin.close()]).then(() => d.close());
  await peer?.stop();
  rmSync(shared, { recursive: true, force: true });
});

const call = async (host: 0 | 1, method: string, body: object) =>
  (await hosts[host]!.server.inject({ method: 'POST', url: `/api/${method}`, payload: body })).json<
    Record<string, unknown>
  >();
const cli = async (host: 0 | 1, ...argv: string[]) => {
  const out: string[] = [];
  const code = await adminCommand([...argv, '--url', hosts[host]!.adminUrl], (l) => out.push(l), {
    RESET_KIOSK_ADMIN_TOKEN: TOKEN,
  });
  return { code, text: out.join('\n') };
};

describe('unblock across two hosts on one Redis', () => {
  it('blocked through A, seen and lifted through B, usable again on A', async () => {
    for (let i = 0; i < 5; i++) {
      const { sessionId } = await call(0, 'start', { username: 'M.Bakker' });
      expect(await call(0, 'verifyIdentity', { sessionId, birthdate: `0${i + 1}-04-1999` })).toMatchObject({
        code: 'identity_failed',
      });
    }
    const { sessionId: blocked } = await call(0, 'start', { username: 'M.Bakker' });
    expect(await call(0, 'verifyIdentity', { sessionId: blocked, birthdate: '23-07-1990' })).toMatchObject({
      ok: false,
      code: 'blocked',
      limit: 'user',
    });

    const status = await cli(1, 'status', '--user', 'M.Bakker');
    expect(status.text).toMatch(/^BLOCKED$/m);
    expect(status.text).toMatch(/identityPerUser +m\.bakker +5\/5 used/);
    expect(status.text).toMatch(/web-a +birthdate +wrong_birthdate/); // host A's audit file, read by host B

    const lifted = await cli(1, 'unblock', '--user', 'M.Bakker');
    expect(lifted.code).toBe(0);
    expect(lifted.text).toMatch(/^not blocked$/m);
    const { sessionId } = await call(0, 'start', { username: 'M.Bakker' });
    expect(await call(0, 'verifyIdentity', { sessionId, birthdate: '23-07-1990' })).toMatchObject({
      ok: true,
      step: 'code',
    });
    expect((await cli(0, 'status', '--user', 'M.Bakker')).text).toMatch(/identityPerUser +m\.bakker +0\/5 used/);
  });
});
