// Unlock only, through the web host on a real Samba AD DC: an account locked by five bad binds (the test DC's
// lockout threshold, test/peers/samba/provision.sh) is unlocked through start(purpose unlock) → birthdate → SMS
// code → unlock, after which the OLD password binds again; a reset's password is untouched; outside the
// delegated OU the DC refuses (LDAP 50) and the user gets the generic message with a reference.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp, type App } from '../../../src-main/app.js';
import { parseConfig } from '../../../src-main/config/load.js';
import { buildServer } from '../../../src-main/web/server.js';
import { RELAXED_LIMITS } from '../../helpers/demo-app.js';
import { useDc } from './dc.js';
import { captureLog } from '../../helpers/log-capture.js';
import { USERS, bindAs, lockOut, readAttributes, setAttribute } from './fixtures.js';

const dc = await useDc();

describe.skipIf(!dc)('unlock through the web host on AD (Samba AD DC)', () => {
  const d = dc!;
  const log = captureLog();
  const outbox = join(mkdtempSync(join(tmpdir(), 'rk-ad-unlock-')), 'outbox.jsonl');
  let app: App;
  let server: FastifyInstance;

  const call = async (method: string, body: object) =>
    (await server.inject({ method: 'POST', url: `/api/${method}`, payload: body })).json<Record<string, unknown>>();
  const texts = (to: string) =>
    readFileSync(outbox, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { to: string; body: string })
      .filter((l) => l.to === to);
  const codeFor = (to: string) =>
    /\b(\d{6})\b/.exec(
      texts(to)
        .filter((t) => /\d{6}/.test(t.body))
        .at(-1)?.body ?? '',
    )?.[1] ?? 'none';
  const unlock = async (username: string, birthdate: string, mobile: string) => {
    const { sessionId } = await call('start', { username, purpose: 'unlock' });
    expect(await call('verifyIdentity', { sessionId, birthdate })).toMatchObject({ ok: true, step: 'code' });
    expect(await call('verifyCode', { sessionId, code: codeFor(mobile) })).toEqual({ ok: true, step: 'unlock' });
    return call('unlock', { sessionId });
  };

  beforeAll(async () => {
    const config = parseConfig({
      directory: {
        type: 'ad',
        urls: [d.url],
        caFile: d.ca,
        bindDn: d.bindDn,
        baseDns: [d.kioskOu, `CN=Users,${d.baseDn}`],
      },
      security: { identityFloorMs: 0 },
      sms: { provider: { type: 'outbox', file: outbox, allowRealDirectory: true } }, // codes from a file: test lab only
    });
    app = await createApp(config, log, { limits: RELAXED_LIMITS, env: { RESET_KIOSK_AD_PASSWORD: d.bindPassword } });
    server = await buildServer(app, { log });
  });
  afterAll(async () => {
    await server?.close();
    await app?.close();
  });

  it('a locked account is unlocked and signs in with its old password again', async () => {
    await lockOut(d, USERS.jdoe.dn);
    expect(await bindAs(d, USERS.jdoe.dn, USERS.jdoe.password)).toBe('775'); // locked, even with the right password
    expect(await unlock('jdoe', '28-02-1990', USERS.jdoe.mobile)).toEqual({ ok: true, step: 'unlocked' });
    expect(await bindAs(d, USERS.jdoe.dn, USERS.jdoe.password)).toBe('ok');
    expect((await readAttributes(d, USERS.jdoe.dn, ['lockoutTime']))['lockoutTime']).toBe('0');
    // The notice goes out in the background, after the answer.
    await vi.waitFor(() =>
      expect(texts(USERS.jdoe.mobile).at(-1)?.body).toMatch(/^Pantein: je account is net ontgrendeld\./),
    );
  });

  it('an account that was not locked: unlock succeeds and the password stays what it was', async () => {
    expect(await unlock('A.Janssen', '01-10-1984', USERS.anna.mobile)).toEqual({ ok: true, step: 'unlocked' });
    expect(await bindAs(d, USERS.anna.dn, USERS.anna.password)).toBe('ok');
  });

  it('least privilege: outside OU=Kiosk the DC refuses; generic message with a reference, cause in the admin log', async () => {
    await setAttribute(d, USERS.outsider.dn, 'mobile', '+31611110000');
    await lockOut(d, USERS.outsider.dn);
    expect(await unlock('outsider', '05-05-1980', '+31611110000')).toEqual({
      ok: false,
      code: 'internal',
      correlationId: expect.any(String) as string,
    });
    expect(await bindAs(d, USERS.outsider.dn, USERS.outsider.password)).toBe('775'); // still locked
    expect(log.records().find((r) => r.msg === 'directory: unlock refused')).toMatchObject({
      reason: 'rights',
      error: expect.stringMatching(/LDAP 50|insufficient/i) as string,
    });
  });
});
