// The servicedesk pages' API on the demo directory (resources/demo-agents.json): sign-in and its refusals, roles,
// CSRF, session expiry, sign-in limits, and an agent's whole call: find, verify by code, lift, unlock, audit.
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src-main/core/ports/log.js';
import type { DemoDirectory } from '../../../src-main/directory/demo.js';
import { buildAdminServer } from '../../../src-main/web/admin-server.js';
import { demoApp, type DemoApp } from '../../helpers/demo-app.js';
import { DeskBrowser } from '../../helpers/desk-browser.js';
import { readOutbox } from '../../helpers/sms.js';

const TOKEN = 'x'.repeat(40);
let demo: DemoApp;
let server: FastifyInstance;
let clock = Date.now();

async function start(desk: Record<string, unknown> = {}, relaxLimits = true) {
  demo = await demoApp({
    relaxLimits,
    config: {
      admin: { enabled: true, rateLimit: { points: 10_000 } },
      desk: { enabled: true, signInFloorMs: 0, ...desk },
    },
  });
  server = await buildAdminServer(demo.app, {
    log: silentLogger,
    env: { RESET_KIOSK_ADMIN_TOKEN: TOKEN },
    now: () => clock,
  });
}
afterEach(async () => {
  await server?.close();
  await demo?.close();
});

describe('servicedesk sign-in (demo agents)', () => {
  it('an agent signs in; a wrong password, an unknown name and a disabled agent get one and the same refusal', async () => {
    await start();
    const ok = await new DeskBrowser(server).signIn('SD.Demo', 'Servicedesk#Demo1');
    expect(ok).toMatchObject({ status: 200, body: { ok: true, agent: { account: 'sd.demo', role: 'servicedesk' } } });
    const refusals = await Promise.all([
      new DeskBrowser(server, '10.0.0.1').signIn('sd.demo', 'wrong-password'),
      new DeskBrowser(server, '10.0.0.2').signIn('nobody.here', 'Servicedesk#Demo1'),
      new DeskBrowser(server, '10.0.0.3').signIn('oud.demo', 'Disabled#Demo1'),
    ]);
    for (const r of refusals) expect(r).toEqual({ status: 401, body: { ok: false, code: 'signin_failed' } });
    expect(demo.audit.filter((e) => e.outcome === 'desk_signin_refused')).toHaveLength(3);
    expect(demo.audit.find((e) => e.outcome === 'desk_signin')).toMatchObject({
      user: 'sd.demo',
      client: 'desk:sd.demo',
    });
  });

  it('every refusal takes at least the floor, whatever its cause', async () => {
    await start({ signInFloorMs: 300 });
    for (const [name, password] of [
      ['sd.demo', 'wrong-password'],
      ['nobody.here', 'x'],
      ['oud.demo', 'Disabled#Demo1'],
    ] as const) {
      const t = Date.now();
      expect((await new DeskBrowser(server, `10.3.0.${name.length}`).signIn(name, password)).status).toBe(401);
      expect(Date.now() - t).toBeGreaterThanOrEqual(300);
    }
  });

  it('the session cookie is HttpOnly, SameSite=Strict, and a new id at every sign-in', async () => {
    await start();
    const b = new DeskBrowser(server);
    b.csrf = (await b.get('session')).json<{ csrf: string }>().csrf;
    const res = await b.post('signin', { username: 'sd.demo', password: 'Servicedesk#Demo1' });
    expect([res.headers['set-cookie']].flat()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^rk_desk=[\w-]{43}; Path=\/; HttpOnly; SameSite=Strict$/)]),
    );
    const first = b.cookies.get('rk_desk');
    b.csrf = res.json<{ csrf: string }>().csrf;
    await b.post('signin', { username: 'sd.demo', password: 'Servicedesk#Demo1' });
    expect(b.cookies.get('rk_desk')).not.toBe(first);
  });

  it("without the CSRF token, or with another session's, a change is refused", async () => {
    await start();
    const a = new DeskBrowser(server);
    await a.signIn('sd.demo', 'Servicedesk#Demo1');
    const noToken = await a.post('unblock', { user: 'A.Janssen', reason: 'belde zelf' }, { csrf: false });
    expect([noToken.statusCode, noToken.json()]).toEqual([403, { ok: false, code: 'csrf' }]);
    const other = new DeskBrowser(server);
    await other.signIn('sd.demo', 'Servicedesk#Demo1');
    a.csrf = other.csrf;
    expect((await a.post('unblock', { user: 'A.Janssen', reason: 'belde zelf' })).statusCode).toBe(403);
    const before = await new DeskBrowser(server).post(
      'signin',
      { username: 'sd.demo', password: 'Servicedesk#Demo1' },
      { csrf: false },
    );
    expect(before.statusCode).toBe(403); // sign-in itself needs the page's token (login CSRF)
  });

  it('an auditor reads, and every change answers 403', async () => {
    await start();
    const b = new DeskBrowser(server);
    expect((await b.signIn('mgr.demo', 'Manager#Demo1')).body).toMatchObject({ agent: { role: 'auditor' } });
    expect((await b.get('person?user=A.Janssen')).statusCode).toBe(200);
    expect((await b.get('usage?since=7d')).statusCode).toBe(200);
    for (const [url, body] of [
      ['unblock', { user: 'A.Janssen', reason: 'test reden' }],
      ['unlock', { user: 'M.Bakker', reason: 'test reden' }],
      ['verify/send', { user: 'A.Janssen' }],
      ['unblock-client', { client: 'kiosk-1', reason: 'test reden' }],
    ] as const) {
      expect((await b.post(url, body)).statusCode, url).toBe(403);
    }
  });

  it('signed out: 401 on every API; the admin routes still want a bearer token', async () => {
    await start();
    const b = new DeskBrowser(server);
    expect((await b.get('person?user=A.Janssen')).statusCode).toBe(401);
    expect((await server.inject({ url: '/admin/status?user=A.Janssen' })).statusCode).toBe(401);
    expect((await server.inject({ url: '/desk/../admin/status?user=A.Janssen' })).statusCode).not.toBe(200);
  });

  it('a session ends after 15 idle minutes and after 8 hours whatever happens', async () => {
    await start();
    const b = new DeskBrowser(server);
    await b.signIn('sd.demo', 'Servicedesk#Demo1');
    clock += 14 * 60_000;
    expect((await b.get('person?user=A.Janssen')).statusCode).toBe(200);
    clock += 16 * 60_000;
    expect((await b.get('person?user=A.Janssen')).statusCode).toBe(401);
    await b.signIn('sd.demo', 'Servicedesk#Demo1');
    for (let i = 0; i < 8 * 6; i++) {
      clock += 10 * 60_000;
      await b.get('session');
    }
    clock += 60_000;
    expect((await b.get('person?user=A.Janssen')).statusCode).toBe(401);
  });

  it('failed sign-ins are limited per typed name (every spelling) and per source address', async () => {
    await start({
      signInPerAccount: { points: 3, durationSeconds: 900 },
      signInPerSource: { points: 5, durationSeconds: 900 },
    });
    for (const name of ['sd.demo', 'SD.DEMO', 'ｓｄ.demo'])
      expect((await new DeskBrowser(server, '10.1.0.1').signIn(name, 'nope-nope')).status).toBe(401);
    const limited = await new DeskBrowser(server, '10.1.0.9').signIn('sd.demo', 'Servicedesk#Demo1');
    expect(limited).toMatchObject({ status: 429, body: { code: 'signin_limited' } });
    const src = new DeskBrowser(server, '10.2.0.1');
    for (const name of ['a1', 'a2', 'a3', 'a4', 'a5']) expect((await src.signIn(name, 'nope-nope')).status).toBe(401);
    expect((await src.signIn('mgr.demo', 'Manager#Demo1')).status).toBe(429);
  });
});

describe('an agent helps a caller (demo)', () => {
  it('finds her by another spelling, verifies her by the code on her phone, lifts her block with a reason, unlocks', async () => {
    await start({}, false);
    // Anna spent her birthdate budget, under her name and her account's own.
    for (let i = 0; i < 5; i++) await demo.app.throttles.take('identityPerUser', 'A.Janssen');
    for (let i = 0; i < 5; i++) await demo.app.throttles.take('identityPerAccount', 'a.janssen');
    const b = new DeskBrowser(server);
    await b.signIn('sd.demo', 'Servicedesk#Demo1');
    const found = (await b.get('person?user=PANTEIN%5Ca.janssen')).json<{ person: Record<string, unknown> }>();
    expect(found.person).toMatchObject({
      blocked: true,
      mobileEnds: '78',
      verified: false,
      account: { username: 'A.Janssen', birthdateOnFile: true, mobileUsable: true },
    });
    expect(JSON.stringify(found)).not.toMatch(/12345678|1984/);
    expect((await b.post('verify/send', { user: 'a.janssen' })).json()).toEqual({ ok: true, mobileEnds: '78' });
    const text = readOutbox(demo.outbox).at(-1)!;
    expect(text).toMatchObject({
      to: '+31612345678',
      body: expect.stringMatching(/^De servicedesk vraagt je deze code voor te lezen: \d{6}$/) as string,
    });
    expect(
      (
        await b.post('verify/check', { user: 'a.janssen', code: '000000' === demo.lastCode() ? '111111' : '000000' })
      ).json(),
    ).toEqual({ ok: true, verified: false, result: 'wrong' });
    expect((await b.post('verify/check', { user: 'a.janssen', code: demo.lastCode() })).json()).toEqual({
      ok: true,
      verified: true,
      result: 'verified',
    });
    expect((await b.post('unblock', { user: 'A.JANSSEN', reason: '' })).json()).toEqual({
      ok: false,
      code: 'reason_required',
    });
    const lifted = (
      await b.post('unblock', { user: 'A.JANSSEN', reason: 'Belde vanaf afdeling 3, geverifieerd' })
    ).json<{ verified: boolean; person: { blocked: boolean } }>();
    expect(lifted).toMatchObject({ ok: true, verified: true, person: { blocked: false } });
    expect(await demo.app.throttles.blockedFor('identityPerUser', 'a.janssen')).toBe(0);
    expect(await demo.app.throttles.blockedFor('identityPerAccount', 'a.janssen')).toBe(0);
    expect(demo.audit.find((e) => e.outcome === 'desk_unblock_verified')).toEqual({
      step: 'admin',
      outcome: 'desk_unblock_verified',
      user: 'A.Janssen',
      client: 'desk:sd.demo',
      reason: 'Belde vanaf afdeling 3, geverifieerd',
    });
    // Marieke is locked out in the demo directory; not verified this time, and the audit says so.
    expect((await b.get('person?user=m.bakker')).json<{ person: { locked: boolean } }>().person.locked).toBe(true);
    const unlocked = (
      await b.post('unlock', { user: 'm.bakker', reason: 'Bekende collega, teamleider belde mee' })
    ).json<{ verified: boolean; person: { locked: boolean } }>();
    expect(unlocked).toMatchObject({ ok: true, verified: false, person: { locked: false } });
    expect((demo.directory as DemoDirectory).isLocked('m.bakker')).toBe(false);
    expect(demo.audit.find((e) => e.outcome === 'desk_unlock_unverified')).toMatchObject({
      user: 'M.Bakker',
      client: 'desk:sd.demo',
    });
  });

  it("lifts a kiosk's block with a reason", async () => {
    await start({}, false);
    for (let i = 0; i < 30; i++) await demo.app.throttles.take('identityPerClient', 'kiosk-3-west');
    expect(await demo.app.throttles.blockedFor('identityPerClient', 'kiosk-3-west')).toBeGreaterThan(0);
    const b = new DeskBrowser(server);
    await b.signIn('sd.demo', 'Servicedesk#Demo1');
    expect((await b.post('unblock-client', { client: 'kiosk-3-west', reason: 'x' })).json()).toEqual({
      ok: false,
      code: 'reason_required',
    });
    expect(
      (await b.post('unblock-client', { client: 'kiosk-3-west', reason: 'Teamleider belde, afdeling 3 west' })).json(),
    ).toEqual({ ok: true });
    expect(await demo.app.throttles.blockedFor('identityPerClient', 'kiosk-3-west')).toBe(0);
    expect(demo.audit.at(-1)).toEqual({
      step: 'admin',
      outcome: 'desk_unblock_client',
      client: 'desk:sd.demo',
      reason: 'kiosk-3-west: Teamleider belde, afdeling 3 west',
    });
  });

  it('codes to verify a caller have their own budget per person per day', async () => {
    await start({ verifyPerPerson: { points: 2, durationSeconds: 86400 } });
    const b = new DeskBrowser(server);
    await b.signIn('sd.demo', 'Servicedesk#Demo1');
    expect((await b.post('verify/send', { user: 'A.Janssen' })).statusCode).toBe(200);
    expect((await b.post('verify/send', { user: 'a.janssen' })).statusCode).toBe(200);
    const third = await b.post('verify/send', { user: 'A.JANSSEN' });
    expect([third.statusCode, third.json()]).toEqual([
      429,
      { ok: false, code: 'verify_limited', retryAfterSeconds: expect.any(Number) as number },
    ]);
    expect(readOutbox(demo.outbox)).toHaveLength(2);
  });
});
