// The admin listener on the demo app: off by default and loopback-only unless configured; a missing or wrong
// token gets the same 401 in the same time; its own rate limit; status and unblock for a blocked person, audited
// with the admin's label and never showing a birthdate or a phone number; health and /metrics; the CLI.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src-main/config/load.js';
import { DEFAULT_LIMITS } from '../../../src-main/core/throttle.js';
import { buildAdminServer } from '../../../src-main/web/admin-server.js';
import { silentLogger } from '../../../src-main/core/ports/log.js';
import { RELAXED_LIMITS } from '../../helpers/demo-app.js';
import { webHost, type WebHost } from '../../helpers/web-host.js';

const ANNA = 'a'.repeat(40);
const BOB = 'b'.repeat(48);
const env = { RK_TOKEN_ANNA: ANNA, RK_TOKEN_BOB: BOB };
const dir = mkdtempSync(join(tmpdir(), 'rk-admin-'));
let h: WebHost;
let admin: FastifyInstance;
const adminConfig = {
  enabled: true,
  port: 0,
  tokens: [
    { label: 'sd-anna', tokenEnv: 'RK_TOKEN_ANNA', scopes: ['status', 'unblock', 'health', 'metrics'] },
    { label: 'sd-bob', tokenEnv: 'RK_TOKEN_BOB', scopes: ['unblock'] },
  ],
  rateLimit: { points: 1000 },
};

beforeAll(async () => {
  h = await webHost({
    config: { audit: { file: join(dir, 'audit-{host}.jsonl'), host: 'web-a' }, admin: adminConfig },
    overrides: { limits: { ...RELAXED_LIMITS, identityPerUser: DEFAULT_LIMITS.identityPerUser } },
  });
  admin = await buildAdminServer(h.app, { log: silentLogger, env });
});
afterAll(async () => {
  await admin.close();
  await h.stop();
  rmSync(dir, { recursive: true, force: true });
});

const get = (url: string, token?: string) =>
  admin.inject({ method: 'GET', url, headers: token === undefined ? {} : { authorization: `Bearer ${token}` } });
const wrongBirthdates = async (username: string, n: number) => {
  for (let i = 0; i < n; i++) {
    const { json } = await h.post('start', { username });
    await h.post('verifyIdentity', { sessionId: json.sessionId, birthdate: `0${i + 1}-02-2000` });
  }
};

describe('admin config', () => {
  it('is off by default, on loopback, and refuses other addresses unless allowed', () => {
    expect(parseConfig({}).admin).toMatchObject({ enabled: false, host: '127.0.0.1', port: 8081 });
    expect(() => parseConfig({ admin: { enabled: true, host: '0.0.0.0' } })).toThrow(
      /admin\.host: 0\.0\.0\.0 is not a loopback address/,
    );
    expect(parseConfig({ admin: { enabled: true, host: '0.0.0.0', allowNonLoopback: true } }).admin.host).toBe(
      '0.0.0.0',
    );
    expect(parseConfig({ admin: { enabled: true, host: '::1' } }).admin.host).toBe('::1');
  });

  it('will not start without its tokens, or with a short one', async () => {
    await expect(buildAdminServer(h.app, { log: silentLogger, env: {} })).rejects.toThrow(
      /set RK_TOKEN_ANNA .* at least 32/,
    );
    await expect(
      buildAdminServer(h.app, { log: silentLogger, env: { ...env, RK_TOKEN_BOB: 'short' } }),
    ).rejects.toThrow(/RK_TOKEN_BOB is shorter than 32/);
  });
});

describe('admin listener', () => {
  it('answers a missing, wrong, truncated or extended token with the same 401, on every path', async () => {
    const answers = await Promise.all([
      get('/admin/health'),
      get('/admin/health', ''),
      get('/admin/health', 'x'),
      get('/admin/health', ANNA.slice(0, -1)),
      get('/admin/health', `${ANNA}a`),
      get('/nothing-here'),
      get('/metrics', BOB.toUpperCase()),
    ]);
    for (const r of answers) {
      expect(r.statusCode).toBe(401);
      expect(r.json()).toEqual({ ok: false, code: 'unauthorized' });
      expect(r.headers['www-authenticate']).toBe('Bearer');
    }
    expect((await get('/nothing-here', ANNA)).statusCode).toBe(404);
  });

  it('takes as long for a missing token as for a wrong one (medians within 0.2 ms; each is ~0.3 ms)', async () => {
    const time = async (token?: string) => {
      const t = performance.now();
      await get('/admin/health', token);
      return performance.now() - t;
    };
    const kinds = [undefined, 'x', ANNA.slice(0, -1), 'z'.repeat(400)];
    const samples = kinds.map(() => [] as number[]);
    for (let round = 0; round < 150; round++) for (const [i, k] of kinds.entries()) samples[i]!.push(await time(k));
    const medians = samples.map((s) => s.sort((a, b) => a - b)[s.length >> 1]!);
    expect(Math.max(...medians) - Math.min(...medians)).toBeLessThan(0.2);
  });

  it('shows a blocked person, lifts the block, and audits both with the admin label', async () => {
    await wrongBirthdates('M.Bakker', 5);
    const status = await get('/admin/status?user=m.bakker%40pantein.nl', ANNA);
    expect(status.statusCode).toBe(200);
    const s = status.json<{ budgets: unknown[]; recent: { outcome: string }[] }>();
    expect(s).toMatchObject({
      ok: true,
      name: 'm.bakker',
      blocked: true,
      account: { username: 'M.Bakker', disabled: false, birthdateOnFile: true, mobileUsable: true },
    });
    expect(s.budgets).toContainEqual(
      expect.objectContaining({
        kind: 'identityPerUser',
        key: 'm.bakker',
        used: 5,
        limit: 5,
        blocked: true,
        until: expect.any(String) as string,
      }),
    );
    expect(s.recent.filter((e) => e.outcome === 'wrong_birthdate')).toHaveLength(5);
    expect(status.body).not.toMatch(/1990|23-07|\+316|23456789/); // M.Bakker: 23-07-1990, 06-23456789

    const { json: start } = await h.post('start', { username: 'M.Bakker' });
    expect(
      (await h.post('verifyIdentity', { sessionId: start.sessionId, birthdate: '23-07-1990' })).json,
    ).toMatchObject({ code: 'blocked' });
    const unblocked = await admin.inject({
      method: 'POST',
      url: '/admin/unblock',
      payload: { user: 'M.Bakker' },
      headers: { authorization: `Bearer ${BOB}` },
    });
    expect(unblocked.json()).toMatchObject({ ok: true, blocked: false });
    const { json: again } = await h.post('start', { username: 'M.Bakker' });
    expect(
      (await h.post('verifyIdentity', { sessionId: again.sessionId, birthdate: '23-07-1990' })).json,
    ).toMatchObject({ ok: true, step: 'code' });

    await h.app.close(); // flush the audit file (afterAll's second close is harmless)
    const audit = readFileSync(join(dir, 'audit-web-a.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(audit.filter((r) => r.step === 'admin').map((r) => [r.outcome, r.user, r.client])).toEqual(
      expect.arrayContaining([
        ['status', 'M.Bakker', 'admin:sd-anna'],
        ['unblock', 'M.Bakker', 'admin:sd-bob'],
        ['unauthorized', null, '127.0.0.1'],
      ]),
    );
  });
});
