// The whole reset through the web host (fastify inject) on a real Samba AD DC: birthdate and mobile come from
// AD, the code from the SMS outbox, the password lands in AD (new binds, old does not, a lock is lifted);
// AD's own refusals, the least-privilege refusal (generic message) and a DC that is down, as the user sees them.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { webHost, type WebHost } from '../../helpers/web-host.js';
import { stopDc, useDc } from './dc.js';
import { USERS, bindAs, lockOut, setAttribute, svcEnv } from './fixtures.js';
import { captureLog } from '../../helpers/log-capture.js';

const dc = await useDc();

describe.skipIf(!dc)('reset flow through the web host on AD (Samba AD DC)', () => {
  const d = dc!;
  const log = captureLog();
  let host: WebHost;

  const call = (method: string, body: object) => host.call(method, body);
  /** start → birthdate → the code from the outbox: the session id at the password step. */
  const reachPassword = async (username: string, birthdate: string, mobile: string) =>
    (await host.walkTo('password', { username, birthdate, mobile })).sessionId;
  const setPassword = (sessionId: string, password: string) =>
    call('setPassword', { sessionId, password, repeat: password });

  beforeAll(async () => {
    host = await webHost({
      config: {
        directory: {
          type: 'ad',
          urls: [d.url],
          caFile: d.ca,
          bindDn: d.bindDn,
          baseDns: [d.kioskOu, `CN=Users,${d.baseDn}`],
        },
        sms: { provider: { type: 'outbox', allowRealDirectory: true } }, // codes from a file: test lab only
      },
      log,
      overrides: { env: svcEnv(d) },
    });
  });
  afterAll(async () => host?.stop());

  it('says at start-up that history cannot be enforced, and /readyz sees the directory', async () => {
    expect(host.app.describe.join('\n')).toMatch(/does not enforce password history/);
    expect((await host.get('/readyz')).status).toBe(200);
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
    for (const [username, birthdate] of [
      ['A.Janssen', '02-10-1984'],
      ['asmith', '31-12-1975'],
      ['nobody', '01-01-1990'],
      ['*', '01-01-1990'],
    ]) {
      const { sessionId } = await call('start', { username: username! });
      answers.push(await call('verifyIdentity', { sessionId, birthdate: birthdate! }));
    }
    // The same body, including the tries left: each typed name's first failure, whether or not it is an account.
    expect(answers[0]).toEqual({ ok: false, code: 'identity_failed', attemptsLeft: expect.any(Number) as number });
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
    expect(res).toEqual({ ok: false, code: 'internal', correlationId: expect.any(String) as string });
    expect(await bindAs(d, USERS.outsider.dn, USERS.outsider.password)).toBe('ok');
    expect(log.text()).toMatch(/insufficient access/);
  });

  it('never logs a password, a code or the service secret', () => {
    for (const secret of [
      'Zomer#Dienst-2026',
      'Herfst#Nacht-2026',
      'Winter#Kou-2026',
      'Lente#Regen-2026',
      d.bindPassword,
    ]) {
      expect(log.text()).not.toContain(secret);
    }
  });

  it('DC down → "unavailable" (runs last: stops this file\'s DC)', async () => {
    stopDc(d);
    const { sessionId } = await call('start', { username: 'A.Janssen' });
    expect(await call('verifyIdentity', { sessionId, birthdate: '01-10-1984' })).toEqual({
      ok: false,
      code: 'unavailable',
    });
    // /readyz caches its answer for 2 s
    const readyz = async () => (await host.get('/readyz')).status;
    await vi.waitFor(async () => expect(await readyz()).toBe(503), { timeout: 5000, interval: 250 });
  });
});
