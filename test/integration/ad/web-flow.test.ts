// The whole reset through the web host (fastify inject) on a real Samba AD DC: birthdate and mobile come from
// AD, the code from the SMS outbox, the password lands in AD (new binds, old does not, a lock is lifted);
// AD's own refusals, the least-privilege refusal (generic message) and a DC that is down, as the user sees them.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp, type App } from '../../../src-main/app.js';
import { parseConfig } from '../../../src-main/config/load.js';
import { buildServer } from '../../../src-main/web/server.js';
import { RELAXED_LIMITS } from '../../helpers/demo-app.js';
import { stopDc, useDc } from './dc.js';
import { USERS, bindAs, lockOut, recordingLogger, setAttribute } from './fixtures.js';

const dc = await useDc();

describe.skipIf(!dc)('reset flow through the web host on AD (Samba AD DC)', () => {
  const d = dc!;
  const log = recordingLogger();
  const outbox = join(mkdtempSync(join(tmpdir(), 'rk-ad-web-')), 'outbox.jsonl');
  let app: App;
  let server: FastifyInstance;

  const call = async (method: string, body: object) =>
    (await server.inject({ method: 'POST', url: `/api/${method}`, payload: body })).json() as Record<string, unknown> & { ok: boolean };
  const codeFor = (to: string) => {
    const lines = readFileSync(outbox, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { to: string; body: string; at: string });
    return /\b(\d{6})\b/.exec(lines.filter((l) => l.to === to).at(-1)?.body ?? '')?.[1] ?? 'none';
  };
  /** start → birthdate → code from the outbox; returns the session id at the password step. */
  const reachPassword = async (username: string, birthdate: string, mobile: string) => {
    const start = await call('start', { username });
    const sessionId = start['sessionId'] as string;
    expect(await call('verifyIdentity', { sessionId, birthdate })).toMatchObject({ ok: true, step: 'code' });
    expect(await call('verifyCode', { sessionId, code: codeFor(mobile) })).toMatchObject({ ok: true, step: 'password' });
    return sessionId;
  };
  const setPassword = (sessionId: string, password: string) => call('setPassword', { sessionId, password, repeat: password });

  beforeAll(async () => {
    process.env['RESET_KIOSK_OUTBOX'] = outbox;
    process.env['RESET_KIOSK_AD_PASSWORD'] = d.bindPassword;
    const config = parseConfig({
      directory: { type: 'ad', urls: [d.url], caFile: d.ca, bindDn: d.bindDn, baseDns: [d.kioskOu, `CN=Users,${d.baseDn}`] },
      security: { identityFloorMs: 0 },
      sms: { provider: { type: 'outbox', allowRealDirectory: true } }, // codes from a file: test lab only
    });
    app = await createApp(config, log, { limits: RELAXED_LIMITS });
    server = await buildServer(app, { log });
  });
  afterAll(async () => {
    await server?.close();
    await app?.close();
  });

  it('says at start-up that history cannot be enforced, and /readyz sees the directory', async () => {
    expect(app.describe.join('\n')).toMatch(/does not enforce password history/);
    const ready = await server.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
  });

  it('resets A.Janssen: birthdate and mobile from AD, then only the new password binds', async () => {
    const sessionId = await reachPassword('A.Janssen', '01-10-1984', USERS.anna.mobile);
    expect(await setPassword(sessionId, 'Zomer#Dienst-2026')).toMatchObject({ ok: true, step: 'done' });
    expect(await bindAs(d, USERS.anna.dn, 'Zomer#Dienst-2026')).toBe('ok');
    expect(await bindAs(d, USERS.anna.dn, USERS.anna.password)).toBe('52e');
  });

  it('a locked user is unlocked by the reset', async () => {
    await lockOut(d, USERS.jdoe.dn);
    expect(await bindAs(d, USERS.jdoe.dn, USERS.jdoe.password)).toBe('775');
    const sessionId = await reachPassword('jdoe@kiosk.test', '28-02-1990', USERS.jdoe.mobile);
    expect(await setPassword(sessionId, 'Herfst#Nacht-2026')).toMatchObject({ ok: true });
    expect(await bindAs(d, USERS.jdoe.dn, 'Herfst#Nacht-2026')).toBe('ok');
  });

  it('wrong birthdate, no mobile and unknown user get the same answer', async () => {
    const answers = [];
    for (const [username, birthdate] of [['A.Janssen', '02-10-1984'], ['asmith', '31-12-1975'], ['nobody', '01-01-1990'], ['*', '01-01-1990']]) {
      const { sessionId } = await call('start', { username: username! });
      answers.push(await call('verifyIdentity', { sessionId, birthdate: birthdate! }));
    }
    // The same body, including the tries left: each typed name's first failure, whether or not it is an account.
    expect(answers[0]).toEqual({ ok: false, code: 'identity_failed', attemptsLeft: expect.any(Number) });
    expect(answers).toEqual(Array(4).fill(answers[0]));
  });

  it("a password AD's policy refuses (domain minimum raised to 20) → password_rejected, nothing changed", async () => {
    await setAttribute(d, d.baseDn, 'minPwdLength', '20');
    try {
      const sessionId = await reachPassword('A.Janssen', '01-10-1984', USERS.anna.mobile);
      expect(await setPassword(sessionId, 'Winter#Kou-2026')).toMatchObject({ ok: false, code: 'password_rejected' });
    } finally {
      await setAttribute(d, d.baseDn, 'minPwdLength', '8');
    }
    expect(await bindAs(d, USERS.anna.dn, 'Zomer#Dienst-2026')).toBe('ok');
  });

  it('least privilege: outside OU=Kiosk the DC refuses; the user sees the generic message, the admin log the cause', async () => {
    await setAttribute(d, USERS.outsider.dn, 'mobile', '+31611110000'); // the DC's +31600000001 is no valid NL mobile
    const sessionId = await reachPassword('outsider', '05-05-1980', '+31611110000');
    const res = await setPassword(sessionId, 'Lente#Regen-2026');
    expect(res).toEqual({ ok: false, code: 'internal', correlationId: expect.any(String) });
    expect(await bindAs(d, USERS.outsider.dn, USERS.outsider.password)).toBe('ok');
    expect(log.text()).toMatch(/insufficient access/);
  });

  it('never logs a password, a code or the service secret', () => {
    for (const secret of ['Zomer#Dienst-2026', 'Herfst#Nacht-2026', 'Winter#Kou-2026', 'Lente#Regen-2026', d.bindPassword]) {
      expect(log.text()).not.toContain(secret);
    }
  });

  it('DC down → "unavailable" (runs last: stops this file\'s DC)', async () => {
    stopDc(d);
    const { sessionId } = await call('start', { username: 'A.Janssen' });
    expect(await call('verifyIdentity', { sessionId, birthdate: '01-10-1984' })).toEqual({ ok: false, code: 'unavailable' });
    // /readyz caches its answer for 2 s
    const readyz = async () => (await server.inject({ method: 'GET', url: '/readyz' })).statusCode;
    await vi.waitFor(async () => expect(await readyz()).toBe(503), { timeout: 5000, interval: 250 });
  });
});
