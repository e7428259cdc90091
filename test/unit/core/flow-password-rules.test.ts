// The password step's rules through the real app on the demo directory (createApp: the breached list, the
// Dutch and organisation words, the directory's policy): the banned rule refuses what attackers spray first,
// a user with a stricter policy (a PSO) is held to it before any write, the rule can be switched off, each
// session has a bounded number of checks, and no password ever reaches the log.
import { afterEach, describe, expect, it } from 'vitest';
import type { RuleResult } from '../../../src-main/core/contract.js';
import { DemoDirectory } from '../../../src-main/directory/demo.js';
import { demoApp, type DemoApp } from '../../helpers/demo-app.js';
import { ANNA, LOTTE, type DemoUser } from '../../helpers/demo-users.js';
import { bindClient } from '../../helpers/bind-client.js';
import { FaultyDirectory } from '../../helpers/faulty-adapters.js';
import { captureLog } from '../../helpers/log-capture.js';
import { walkTo } from '../../helpers/walk.js';

let d: DemoApp | undefined;
afterEach(async () => void (await d?.close(), (d = undefined)));

/** `user`'s session at the password step: the policy the wizard was given, and a way to try a password. */
async function atPassword(app: DemoApp, user: DemoUser = ANNA) {
  const api = bindClient(app.app.service, { clientId: 'kiosk-1' });
  const { sessionId, answer } = await walkTo(api, app.lastCode, 'password', user);
  const set = (password: string) => api.setPassword({ sessionId, password, repeat: password });
  return { api, policy: answer.policy, set };
}
const verdict = (res: { ok: boolean; rules?: RuleResult[] }) =>
  Object.fromEntries((res.rules ?? []).map((r) => [r.id, r.ok]));

describe('the banned-password rule (demo, on by default)', () => {
  it.each([
    'Welkom01!',
    'Zomer2026!',
    'W3lk0m2026!',
    'Pantein#2026',
    'Topdesk2026!',
    'Wachtwoord1!',
    'P@ssw0rd2026',
    'Qwerty#123',
  ])('%s is refused by the banned rule alone', async (password) => {
    // The year words are last, this and next year: fix the clock so "2026" stays one of them.
    const now = Date.now();
    d = await demoApp({
      overrides: { now: () => now - Date.UTC(new Date(now).getUTCFullYear(), 0, 1) + Date.UTC(2026, 2, 1) },
    });
    const { set } = await atPassword(d);
    const res = await set(password);
    expect(res).toMatchObject({ ok: false, code: 'password_policy' });
    expect(verdict(res as never)).toEqual({
      length: true,
      upper: true,
      digit: true,
      punctuation: true,
      names: true,
      history: null,
      banned: false,
    });
  });

  it('accepts a long unusual password, and the configured words are refused too', async () => {
    d = await demoApp({ config: { password: { banned: { words: ['Venray'] } } } });
    const { set, policy } = await atPassword(d);
    expect(policy.banned).toBe(true);
    expect(verdict((await set('V3nray#Zorg-88')) as never)).toMatchObject({ banned: false });
    expect(await set('Kwal-Fiets-Regen-73')).toMatchObject({ ok: true, step: 'done' });
  });

  it('can be switched off: no seventh rule, and Welkom01! passes', async () => {
    d = await demoApp({ config: { password: { banned: { enabled: false } } } });
    const { set, policy } = await atPassword(d);
    expect(policy.banned).toBe(false);
    expect(await set('Welkom01!')).toMatchObject({ ok: true });
  });

  it('judges at most passwordChecks passwords per session, then blocks', async () => {
    d = await demoApp({ overrides: { limits: { passwordChecks: { points: 3, durationSeconds: 1800 } } } });
    const { set } = await atPassword(d);
    for (let i = 0; i < 3; i++) expect(await set(`Welkom0${i}!`)).toMatchObject({ code: 'password_policy' });
    expect(await set('Kwal-Fiets-Regen-73')).toEqual({ ok: false, code: 'blocked' });
  });

  it('never logs a candidate password', async () => {
    const log = captureLog();
    d = await demoApp({ log });
    const { set } = await atPassword(d);
    for (const pw of ['Welkom01!', 'Zomer2026!', 'Kwal-Fiets-Regen-73']) await set(pw);
    for (const pw of ['Welkom01!', 'Zomer2026!', 'Kwal-Fiets-Regen-73', 'welkom', 'Kwal'])
      expect(log.text()).not.toContain(pw);
  });
});

describe("the directory's own policy", () => {
  it('a user with a stricter policy (a PSO) gets her real minimum, and a shorter password is refused before any write', async () => {
    const directory = DemoDirectory.load();
    let writes = 0;
    const reset = directory.resetPassword.bind(directory);
    directory.resetPassword = (...args) => (writes++, reset(...args));
    d = await demoApp({ overrides: { directory } });
    const { set, policy } = await atPassword(d, LOTTE);
    expect(policy).toEqual({ minLength: 14, complexity: true, history: 10, historyChecked: true, banned: true });
    expect(verdict((await set('Kwal-Fiets-73')) as never)).toMatchObject({ length: false });
    expect(writes).toBe(0);
    expect(await set('Kwal-Fiets-Regen-73')).toMatchObject({ ok: true });
    expect(writes).toBe(1);
  });

  it('others keep the config minimum (8)', async () => {
    d = await demoApp();
    expect((await atPassword(d)).policy.minLength).toBe(8);
  });

  it('AD complexity: a "leesteken" AD does not count (€) fails the punctuation rule', async () => {
    d = await demoApp();
    const { set } = await atPassword(d);
    expect(verdict((await set('KWAL€FIETS€73')) as never)).toMatchObject({
      punctuation: false,
      upper: true,
      digit: true,
    });
  });

  it('when the policy cannot be read, the config rules apply (the directory still decides on the write)', async () => {
    const directory = new FaultyDirectory();
    directory.policyFault = true;
    d = await demoApp({ overrides: { directory } });
    expect((await atPassword(d)).policy).toEqual({
      minLength: 8,
      complexity: true,
      history: 5,
      historyChecked: true,
      banned: true,
    });
  });
});
