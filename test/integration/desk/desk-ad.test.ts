// The servicedesk pages on a real Samba AD DC: agents sign in with their own account, a nested group decides
// the role (LDAP_MATCHING_RULE_IN_CHAIN), every refusal is the same; an agent lifts a person's block typed in a
// third spelling and unlocks her AD account, after which she binds again.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../src-main/app.js';
import { parseConfig } from '../../../src-main/config/load.js';
import type { AuditEvent } from '../../../src-main/core/ports/audit.js';
import { silentLogger } from '../../../src-main/core/ports/log.js';
import { buildAdminServer } from '../../../src-main/web/admin-server.js';
import { RELAXED_LIMITS } from '../../helpers/demo-app.js';
import { DeskBrowser } from '../../helpers/desk-browser.js';
import { useDc } from '../ad/dc.js';
import { USERS, addUser, bindAs, lockOut } from '../ad/fixtures.js';

const dc = await useDc();

describe.skipIf(!dc)('servicedesk sign-in and actions on AD (Samba AD DC)', () => {
  const d = dc!;
  const users = `CN=Users,${d.baseDn}`;
  const groups = { servicedesk: `CN=Servicedesk,${users}`, auditor: `CN=Servicedesk managers,${users}` };
  const audit: AuditEvent[] = [];
  let app: App;
  let server: FastifyInstance;

  beforeAll(async () => {
    const tool = (...args: string[]) =>
      promisify(execFile)(
        'samba-tool',
        [...args, '-s', join(d.dir, 'etc/smb.conf'), '-H', join(d.dir, 'private/sam.ldb')],
        { timeout: 60_000 },
      );
    for (const [cn, sam, disabled] of [
      ['Sanne Agent', 'sd.agent', false],
      ['Mark Manager', 'mgr.agent', false],
      ['Olga Other', 'no.agent', false],
      ['Oud Agent', 'old.agent', true],
      ['Lotte Limiet', 'lim.agent', false],
    ] as const) {
      await addUser(d, {
        cn,
        sam,
        parent: users,
        password: 'Agent#Pass-2026',
        disabled,
        attributes: { displayName: cn },
      });
    }
    // Nested: sd.agent is in "Servicedesk nacht", which is in "Servicedesk"; old.agent (disabled) directly.
    await tool('group', 'add', 'Servicedesk');
    await tool('group', 'add', 'Servicedesk nacht');
    await tool('group', 'add', 'Servicedesk managers');
    await tool('group', 'addmembers', 'Servicedesk nacht', 'sd.agent,lim.agent');
    await tool('group', 'addmembers', 'Servicedesk', 'Servicedesk nacht,old.agent');
    await tool('group', 'addmembers', 'Servicedesk managers', 'mgr.agent');
    const outbox = join(mkdtempSync(join(tmpdir(), 'rk-desk-ad-')), 'outbox.jsonl');
    const config = parseConfig({
      directory: { type: 'ad', urls: [d.url], caFile: d.ca, bindDn: d.bindDn, baseDns: [d.kioskOu] },
      sms: { provider: { type: 'outbox', file: outbox, allowRealDirectory: true } },
      admin: { enabled: true, rateLimit: { points: 10_000 } },
      desk: { enabled: true, groups, signInPerAccount: { points: 2, durationSeconds: 1800 } },
    });
    app = await createApp(config, silentLogger, {
      limits: {
        ...RELAXED_LIMITS,
        identityPerUser: { points: 5, durationSeconds: 86400 },
        identityPerAccount: { points: 5, durationSeconds: 86400 },
      },
      audit: { record: (e) => Promise.resolve(void audit.push(e)) },
      env: { RESET_KIOSK_AD_PASSWORD: d.bindPassword },
    });
    server = await buildAdminServer(app, { log: silentLogger, env: { RESET_KIOSK_ADMIN_TOKEN: 'x'.repeat(40) } });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await app?.close();
  });

  it('an agent in a nested servicedesk group signs in; the manager as auditor', async () => {
    expect((await new DeskBrowser(server).signIn('sd.agent', 'Agent#Pass-2026')).body).toMatchObject({
      ok: true,
      agent: { account: 'sd.agent', displayName: 'Sanne Agent', role: 'servicedesk' },
    });
    expect((await new DeskBrowser(server).signIn('mgr.agent@kiosk.test', 'Agent#Pass-2026')).body).toMatchObject({
      ok: true,
      agent: { account: 'mgr.agent', role: 'auditor' },
    });
  });

  it('outside the groups, a wrong password, a disabled agent and an unknown name: the same refusal', async () => {
    const tries = [
      ['no.agent', 'Agent#Pass-2026'],
      ['sd.agent', 'Wrong#Pass-2026'],
      ['old.agent', 'Agent#Pass-2026'],
      ['nobody.at.all', 'Agent#Pass-2026'],
    ] as const;
    for (const [i, [name, password]] of tries.entries()) {
      const b = new DeskBrowser(server, `10.9.0.${i + 1}`);
      await b.get('session');
      const t = performance.now();
      expect(await b.signIn(name, password), name).toEqual({ status: 401, body: { ok: false, code: 'signin_failed' } });
      // Unpadded, Samba answers a wrong password ~30 ms later than an unknown name (measured); the floor hides it.
      expect(performance.now() - t, name).toBeGreaterThanOrEqual(500);
    }
  });

  it('sign-in limits stop before the DC would lock the agent out (threshold 5)', async () => {
    for (let i = 0; i < 2; i++)
      expect(
        (await new DeskBrowser(server, '10.8.0.1').signIn(i ? 'LIM.agent' : 'lim.agent@kiosk.test', `Wrong#Pass-${i}`))
          .status,
      ).toBe(401);
    expect(await new DeskBrowser(server, '10.8.0.2').signIn('lim.agent', 'Agent#Pass-2026')).toMatchObject({
      status: 429,
      body: { code: 'signin_limited' },
    });
    expect(await bindAs(d, `CN=Lotte Limiet,${users}`, 'Agent#Pass-2026')).toBe('ok'); // not locked in AD
  });

  it('the auditor reads a person but every change is 403', async () => {
    const b = new DeskBrowser(server);
    await b.signIn('mgr.agent', 'Agent#Pass-2026');
    expect((await b.get('person?user=A.Janssen')).statusCode).toBe(200);
    expect((await b.post('unblock', { user: 'A.Janssen', reason: 'mag niet' })).statusCode).toBe(403);
    expect((await b.post('unlock', { user: 'A.Janssen', reason: 'mag niet' })).statusCode).toBe(403);
  });

  it('lifts a block typed in a third spelling and unlocks the AD account; then she binds', async () => {
    const anna = (await app.directory.findUser('A.Janssen'))!;
    for (let i = 0; i < 5; i++) await app.throttles.take('identityPerUser', 'a.janssen');
    for (let i = 0; i < 5; i++) await app.throttles.take('identityPerAccount', anna.accountKey);
    await lockOut(d, USERS.anna.dn);
    expect(await bindAs(d, USERS.anna.dn, USERS.anna.password)).toBe('775');
    const b = new DeskBrowser(server);
    await b.signIn('sd.agent', 'Agent#Pass-2026');
    const seen = (await b.get(`person?user=${encodeURIComponent('KIOSK\\A.JANSSEN')}`)).json<{
      person: Record<string, unknown>;
    }>();
    expect(seen.person).toMatchObject({
      blocked: true,
      locked: true,
      mobileEnds: '78',
      account: { username: 'A.Janssen' },
    });
    const lifted = (await b.post('unblock', { user: 'a.janssen@kiosk.test', reason: 'Belde na nachtdienst' })).json<{
      person: { blocked: boolean };
    }>();
    expect(lifted.person.blocked).toBe(false);
    expect(await app.throttles.blockedFor('identityPerAccount', anna.accountKey)).toBe(0);
    const unlocked = (
      await b.post('unlock', { user: 'KIOSK\\a.janssen', reason: 'Account op slot na nachtdienst' })
    ).json<{ verified: boolean; person: { locked: boolean } }>();
    expect(unlocked).toMatchObject({ ok: true, verified: false, person: { locked: false } });
    expect(await bindAs(d, USERS.anna.dn, USERS.anna.password)).toBe('ok');
    expect(audit.filter((e) => e.client === 'desk:sd.agent' && e.reason)).toEqual([
      {
        step: 'admin',
        outcome: 'desk_unblock_unverified',
        user: 'A.Janssen',
        client: 'desk:sd.agent',
        reason: 'Belde na nachtdienst',
      },
      {
        step: 'admin',
        outcome: 'desk_unlock_unverified',
        user: 'A.Janssen',
        client: 'desk:sd.agent',
        reason: 'Account op slot na nachtdienst',
      },
    ]);
  });
});
