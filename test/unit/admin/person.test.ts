// The servicedesk's unblock reaches every budget of a person (issue 14 with issue 17): the budgets of each name
// typed and the account's own budgets (keyed by its objectGUID, here the demo's key), whichever spelling the
// servicedesk types.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../../src-main/core/throttle.js';
import { silentLogger } from '../../../src-main/core/ports/log.js';
import { buildAdminServer } from '../../../src-main/web/admin-server.js';
import { AliasDirectory } from '../../helpers/alias-directory.js';
import { RELAXED_LIMITS } from '../../helpers/demo-app.js';
import { webHost, type WebHost } from '../../helpers/web-host.js';

const TOKEN = 't'.repeat(40);
let h: WebHost;
let admin: FastifyInstance;

beforeAll(async () => {
  h = await webHost({
    config: { admin: { enabled: true, port: 0, tokens: [{ label: 'sd', tokenEnv: 'RK_TOKEN' }], rateLimit: { points: 1000 } } },
    // Names relaxed, the account's birthdate budget real: only the account can be what blocks her.
    overrides: { directory: new AliasDirectory(), limits: { ...RELAXED_LIMITS, identityPerAccount: DEFAULT_LIMITS.identityPerUser } },
  });
  admin = await buildAdminServer(h.app, { log: silentLogger, env: { RK_TOKEN: TOKEN } });
});
afterAll(async () => {
  await admin.close();
  await h.stop();
});

const identity = async (username: string, birthdate: string) => {
  const { sessionId } = await h.call('start', { username });
  return h.call('verifyIdentity', { sessionId, birthdate });
};
const desk = (method: 'GET' | 'POST', path: string, payload?: object) =>
  admin.inject({ method, url: path, ...(payload ? { payload } : {}), headers: { authorization: `Bearer ${TOKEN}` } });

it('shows and lifts an account spent over two of its names, whichever name the servicedesk types', async () => {
  for (const [i, name] of ['A.Janssen', 'anna.janssen', 'A.Janssen', 'anna.janssen', 'A.JANSSEN'].entries()) {
    expect(await identity(name, `0${i + 2}-10-1984`)).toMatchObject({ ok: false, code: 'identity_failed' });
  }
  expect(await identity('Anna.Janssen@pantein.nl', '01-10-1984')).toMatchObject({ ok: false, code: 'identity_failed' });

  const status = (await desk('GET', '/admin/status?user=anna.janssen')).json();
  expect(status).toMatchObject({ blocked: true, account: { username: 'A.Janssen', accountKey: 'a.janssen' } });
  expect(status.budgets).toContainEqual(expect.objectContaining({ kind: 'identityPerAccount', key: 'a.janssen', blocked: true }));

  expect((await desk('POST', '/admin/unblock', { user: 'ANNA.JANSSEN@pantein.nl' })).json()).toMatchObject({ ok: true, blocked: false });
  expect(await identity('A.Janssen', '01-10-1984')).toMatchObject({ ok: true, step: 'code' });
});

it('shows a nurse who repeats one date: counted once (not blocked), and how often she typed it again', async () => {
  for (let i = 0; i < 6; i++) expect(await identity('P.deVries', '12-03-1979')).toMatchObject({ ok: false, code: 'identity_failed', attemptsLeft: 999_999 });
  const status = (await desk('GET', '/admin/status?user=p.devries')).json();
  expect(status).toMatchObject({ blocked: false, sameDateAgain: 5, account: { username: 'P.deVries', mobileUsable: false } });
  expect((await desk('POST', '/admin/unblock', { user: 'P.deVries' })).json()).toMatchObject({ sameDateAgain: 0 });
});
