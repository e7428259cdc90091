// The servicedesk's unblock reaches every budget of a person (issue 14 with issue 17): the budgets of each name
// typed and the account's own budgets (keyed by its objectGUID, here the demo's key), whichever spelling the
// servicedesk types.
import type { FastifyInstance } from 'fastify';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PersonDesk } from '../../../src-main/admin/person.js';
import { pseudonymiser } from '../../../src-main/core/pseudonym.js';
import { nameKey } from '../../../src-main/core/username.js';
import { DEFAULT_LIMITS, Throttles } from '../../../src-main/core/throttle.js';
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
    config: {
      admin: {
        enabled: true,
        port: 0,
        tokens: [{ label: 'sd', tokenEnv: 'RK_TOKEN', scopes: ['status', 'unblock'] }],
        rateLimit: { points: 1000 },
      },
    },
    // Names relaxed, the account's birthdate budget real: only the account can be what blocks her.
    overrides: {
      directory: new AliasDirectory(),
      limits: { ...RELAXED_LIMITS, identityPerAccount: DEFAULT_LIMITS.identityPerUser },
    },
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

  const status = (await desk('GET', '/admin/status?user=anna.janssen')).json<{ budgets: unknown[] }>();
  expect(status).toMatchObject({ blocked: true, account: { username: 'A.Janssen', accountKey: 'a.janssen' } });
  expect(status.budgets).toContainEqual(
    expect.objectContaining({ kind: 'identityPerAccount', key: 'a.janssen', blocked: true }),
  );

  expect((await desk('POST', '/admin/unblock', { user: 'ANNA.JANSSEN@pantein.nl' })).json()).toMatchObject({
    ok: true,
    blocked: false,
  });
  expect(await identity('A.Janssen', '01-10-1984')).toMatchObject({ ok: true, step: 'code' });
});

// One folding (core/fold.ts): whatever spelling the person typed and whatever spelling the servicedesk types,
// one unblock clears the typed-name budget; and `unblock --user bvdberg` clears what was typed as the account's
// other name (its UPN prefix, bram.vandenberg on the test DC; anna.janssen for A.Janssen here).
describe('one unblock for every spelling', () => {
  const variants = [
    'Ａ.Ｊａｎｓｓｅｎ',
    'a.janſſen',
    'A.Jan\u200bssen',
    'A.Jаnssen',
    'a.jan\u00adssen',
    'A.JANSSEN',
    'x.onbekend',
    'Ｘ.ONBEKEND\u200d',
  ];
  const desk = (throttles: Throttles) =>
    new PersonDesk({
      directory: new AliasDirectory(),
      throttles,
      audit: { record: async () => {} },
      pseudonymise: pseudonymiser('k'),
      auditFiles: () => Promise.resolve([]),
      recentEvents: 0,
      phone: { defaultCountry: 'NL', allowedCountries: ['NL'] },
    });

  it('clears a budget spent under any spelling, typed by the servicedesk in any other', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...variants), fc.constantFrom(...variants), async (spent, typed) => {
        if (nameKey(spent).startsWith('x') !== nameKey(typed).startsWith('x')) return;
        const throttles = new Throttles(DEFAULT_LIMITS);
        for (let i = 0; i < DEFAULT_LIMITS.identityPerUser.points; i++) await throttles.take('identityPerUser', spent);
        expect((await desk(throttles).status({ user: typed }, 'sd')).blocked).toBe(true);
        expect((await desk(throttles).unblock({ user: typed }, 'sd')).blocked).toBe(false);
        expect((await throttles.take('identityPerUser', spent)).ok).toBe(true);
      }),
    );
  });

  it('clears what was typed as the account’s UPN prefix when the servicedesk types the account name', async () => {
    const throttles = new Throttles(DEFAULT_LIMITS);
    for (let i = 0; i < DEFAULT_LIMITS.identityPerUser.points; i++)
      await throttles.take('identityPerUser', 'Anna.Janssen');
    expect((await desk(throttles).unblock({ user: 'a.janssen' }, 'sd')).blocked).toBe(false);
    expect((await throttles.take('identityPerUser', 'anna.janssen')).ok).toBe(true);
  });
});
