// `npm run admin -- …` against a real admin listener on 127.0.0.1 (fetch over TCP, as the servicedesk runs it):
// status and unblock in readable lines, health, /metrics, the listener's own rate limit, a refused token.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCommand } from '../../../src-main/admin/command.js';
import { silentLogger } from '../../../src-main/core/ports/log.js';
import { DEFAULT_LIMITS } from '../../../src-main/core/throttle.js';
import { buildAdminServer } from '../../../src-main/web/admin-server.js';
import { RELAXED_LIMITS } from '../../helpers/demo-app.js';
import { webHost, type WebHost } from '../../helpers/web-host.js';

const TOKEN = 'c'.repeat(64);
let h: WebHost;
let admin: FastifyInstance;
let url: string;

beforeAll(async () => {
  h = await webHost({
    config: {
      admin: {
        enabled: true,
        port: 0,
        tokens: [
          {
            label: 'servicedesk',
            tokenEnv: 'RESET_KIOSK_ADMIN_TOKEN',
            scopes: ['status', 'unblock', 'health', 'metrics'],
          },
        ],
        rateLimit: { points: 12, durationSeconds: 60 },
      },
    },
    overrides: { limits: { ...RELAXED_LIMITS, identityPerUser: DEFAULT_LIMITS.identityPerUser } },
  });
  admin = await buildAdminServer(h.app, { log: silentLogger, env: { RESET_KIOSK_ADMIN_TOKEN: TOKEN } });
  url = await admin.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await admin.close();
  await h.stop();
});

const run = async (...argv: string[]) => {
  const out: string[] = [];
  const code = await adminCommand([...argv, '--url', url], (l) => out.push(l), { RESET_KIOSK_ADMIN_TOKEN: TOKEN });
  return { code, out, text: out.join('\n') };
};

describe('admin CLI', () => {
  it('status, unblock and status again, in readable lines', async () => {
    for (let i = 0; i < 5; i++) {
      const { json } = await h.post('start', { username: 'E.Dubois' });
      await h.post('verifyIdentity', { sessionId: json.sessionId, birthdate: `0${i + 1}-03-2001` });
    }
    const before = await run('status', '--user', 'E.Dubois');
    expect(before.code).toBe(0);
    expect(before.out[0]).toMatch(/^E\.Dubois \(e\.dubois\): enabled; birthdate on file: yes; usable mobile: yes$/);
    expect(before.out[1]).toBe('BLOCKED');
    expect(before.text).toMatch(
      /identityPerUser +e\.dubois +5\/5 used, 0 left, blocked until \S+ \S+ \(in 23 h 59 min\)/,
    );
    const after = await run('unblock', '--user', 'e.dubois');
    expect(after.out.slice(0, 3)).toEqual([
      'budgets cleared; now:',
      expect.stringMatching(/^E\.Dubois/),
      'not blocked',
    ]);
    expect(after.text).toMatch(/identityPerUser +e\.dubois +0\/5 used, 5 left/);
  });

  it('an unknown name is reported as such; health and metrics answer', async () => {
    expect((await run('status', '--user', 'nobody')).out[0]).toMatch(/^nobody: no such account/);
    const health = await run('health');
    expect(health.code).toBe(0);
    expect(health.out[0]).toMatch(/^ready/);
    expect(health.text).toMatch(/✓ directory/);
    const metrics = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(await metrics.text()).toMatch(/^reset_kiosk_dependency_up\{dependency="directory"\} 1$/m);
  });

  it("a wrong token is refused; the token's own rate limit stops it", async () => {
    const out: string[] = [];
    expect(
      await adminCommand(['health', '--url', url], (l) => out.push(l), { RESET_KIOSK_ADMIN_TOKEN: 'd'.repeat(64) }),
    ).toBe(1);
    expect(out[0]).toMatch(/refused: the token in RESET_KIOSK_ADMIN_TOKEN is not accepted/);
    let last;
    for (let i = 0; i < 12 && (last = await run('health')).code === 0; i++);
    expect(last?.out[0]).toMatch(/too many requests: try again in \d+ s/);
  });

  it('usage errors say how to call it', async () => {
    expect((await run('unblock')).code).toBe(2);
    expect(await adminCommand(['health', '--url', url], () => {}, {})).toBe(2);
  });
});
