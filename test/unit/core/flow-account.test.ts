// One account, one set of budgets, whichever name reaches it (issue 14): birthdate tries, SMS and code checks
// are also counted under the account's key; a spent account answers like a wrong date; parallel requests on
// one session or one account send one text; lock-out bursts and a right birthdate meeting a spent SMS budget
// reach the admin.
import { describe, expect, it } from 'vitest';
import type { ResetApi } from '../../../src-main/core/contract.js';
import { bindClient } from '../../helpers/bind-client.js';
import { AliasDirectory } from '../../helpers/alias-directory.js';
import { flowFixture } from '../../helpers/flow-fixture.js';
import { captureLog } from '../../helpers/log-capture.js';

const ANNA = [
  'A.Janssen',
  'anna.janssen',
  'ANNA.JANSSEN@pantein.nl',
  'PANTEIN\\Ａｎｎａ.Ｊａｎｓｓｅｎ',
  'annа.janssen',
  'änna.jänssen',
];
const SPELLINGS = ANNA.filter((n) => !n.includes('а')); // (the Cyrillic а is another name: no account)
const DAY = 86_400;
/** Typed names relaxed, the account's budgets at their defaults (which would otherwise follow the names'). */
const RELAXED_NAMES = {
  identityPerUser: { points: 1000, durationSeconds: DAY },
  smsPerUser: { points: 1000, durationSeconds: DAY },
  identityPerAccount: { points: 5, durationSeconds: DAY },
  smsPerAccount: { points: 5, durationSeconds: DAY },
  codeChecksPerAccount: { points: 15, durationSeconds: DAY },
};

async function identity(api: ResetApi, username: string, birthdate: string) {
  const s = await api.start({ username });
  if (!s.ok) throw new Error(s.code);
  return { sessionId: s.sessionId, answer: await api.verifyIdentity({ sessionId: s.sessionId, birthdate }) };
}

describe('account budgets', () => {
  it('5 wrong birthdates over different names of one account spend it; then even the right one fails like a wrong one', async () => {
    const directory = new AliasDirectory();
    const fx = flowFixture({ directory });
    for (const [i, name] of SPELLINGS.slice(0, 5).entries()) {
      expect((await identity(fx.api, name, `0${i + 2}-10-1984`)).answer).toMatchObject({
        ok: false,
        code: 'identity_failed',
      });
    }
    // A spelling with a try left: the account's budget is spent, so even the right date gets a wrong date's answer,
    // with the typed name's own count, as an unknown name with one try left would.
    expect((await identity(fx.api, 'A.JANSSEN@pantein.nl', '01-10-1984')).answer).toEqual({
      ok: false,
      code: 'identity_failed',
      attemptsLeft: 3,
    });
    expect((await identity(fx.api, 'no.such.person', '01-10-1984')).answer).toEqual({
      ok: false,
      code: 'identity_failed',
      attemptsLeft: 4,
    });
    expect(fx.sender.sent).toHaveLength(0);
    expect(fx.audit.filter((e) => e.outcome === 'blocked_account')).toHaveLength(1);
  });

  it('a spent account spends the typed name like any other name: after 5, blocked as an unknown name is', async () => {
    const fx = flowFixture({
      directory: new AliasDirectory(),
      limits: { identityPerAccount: { points: 1, durationSeconds: 86_400 } },
    });
    await identity(fx.api, 'A.Janssen', '02-10-1984'); // the account's one try
    const spent = [];
    const unknown = [];
    for (let i = 0; i < 6; i++) spent.push((await identity(fx.api, 'anna.janssen', `1${i}-11-1984`)).answer);
    for (let i = 0; i < 6; i++) unknown.push((await identity(fx.api, 'no.such.person', `1${i}-11-1984`)).answer);
    expect(spent).toEqual(unknown);
    expect(spent.map((a) => !a.ok && a.code)).toEqual([...Array<string>(5).fill('identity_failed'), 'blocked']);
  });

  it('5 texts a day per account, whichever name: the right birthdate then meets sms_limit, audited and alerted', async () => {
    const log = captureLog();
    const fx = flowFixture({ directory: new AliasDirectory(), limits: RELAXED_NAMES, log });
    for (const name of SPELLINGS.slice(0, 5))
      expect((await identity(fx.api, name, '01-10-1984')).answer).toMatchObject({ ok: true });
    expect((await identity(fx.api, 'Anna.Janssen', '01-10-1984')).answer).toMatchObject({
      ok: false,
      code: 'sms_limit',
    });
    expect(fx.sender.sent).toHaveLength(5);
    expect(fx.audit.map((e) => e.outcome)).toContain('birthdate_ok_sms_limit_smsPerAccount');
    expect(log.records().find((r) => r.alert === 'sms_budget_spent_after_birthdate')).toMatchObject({
      user: 'A.Janssen',
      limit: 'smsPerAccount',
    });
  });

  it('15 code checks a day per account, over any number of codes and sessions', async () => {
    const fx = flowFixture({
      directory: new AliasDirectory(),
      limits: { ...RELAXED_NAMES, smsPerAccount: { points: 100, durationSeconds: 86_400 } },
    });
    for (let s = 0; s < 5; s++) {
      const { sessionId } = await identity(fx.api, SPELLINGS[s]!, '01-10-1984');
      const wrong = fx.sender.lastCode() === '000000' ? '111111' : '000000';
      const answers = [];
      for (let t = 0; t < 3; t++) answers.push(await fx.api.verifyCode({ sessionId, code: wrong }));
      expect(answers.map((a) => !a.ok && a.code)).toEqual(['code_wrong', 'code_wrong', 'code_attempts_exceeded']);
    }
    // The 6th code is fresh, but the account has no checks left: even the right code is not checked.
    const { sessionId } = await identity(fx.api, 'A.Janssen', '01-10-1984');
    expect(await fx.api.verifyCode({ sessionId, code: fx.sender.lastCode() })).toEqual({
      ok: false,
      code: 'code_attempts_exceeded',
    });
    expect(fx.audit.map((e) => e.outcome)).toContain('code_limit_codeChecksPerAccount');
  });
});

describe('no SMS bursts', () => {
  it('20 parallel right birthdates on one session: one check, exactly one SMS', async () => {
    const fx = flowFixture({ directory: new AliasDirectory() });
    const s = await fx.api.start({ username: 'A.Janssen' });
    if (!s.ok) throw new Error();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => fx.api.verifyIdentity({ sessionId: s.sessionId, birthdate: '01-10-1984' })),
    );
    expect(fx.sender.sent).toHaveLength(1);
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(new Set(answers.filter((a) => !a.ok).map((a) => !a.ok && a.code))).toEqual(
      new Set(['identity_in_progress']),
    );
  });

  it('20 parallel sessions of one account (any name): one SMS per resendAfterSeconds', async () => {
    const fx = flowFixture({
      directory: new AliasDirectory(),
      limits: { ...RELAXED_NAMES, smsSpacingPerAccount: { points: 1, durationSeconds: 30 } },
    });
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => identity(fx.api, SPELLINGS[i % SPELLINGS.length]!, '01-10-1984')),
    );
    expect(fx.sender.sent).toHaveLength(1);
    // One gets the text; the others are told to wait (the spacing, before or after their check) or found the
    // account's tries in use (a wrong date's answer). Nothing else, and no second text.
    const codes = answers.map((a) => (a.answer.ok ? 'ok' : a.answer.code));
    expect(codes.filter((c) => c === 'ok')).toHaveLength(1);
    expect(codes.filter((c) => c !== 'ok' && c !== 'resend_too_soon' && c !== 'identity_failed')).toEqual([]);
  });
  it('once a code was used, the next reset or unlock of the account need not wait for the spacing', async () => {
    const fx = flowFixture({
      directory: new AliasDirectory(),
      limits: { ...RELAXED_NAMES, smsSpacingPerAccount: { points: 1, durationSeconds: 30 } },
    });
    const first = await identity(fx.api, 'A.Janssen', '01-10-1984');
    expect(await fx.api.verifyCode({ sessionId: first.sessionId, code: fx.sender.lastCode() })).toMatchObject({
      ok: true,
    });
    expect((await identity(fx.api, 'anna.janssen', '01-10-1984')).answer).toMatchObject({ ok: true, step: 'code' });
  });

  it('a spent code is still replaced at once: the spacing holds other sessions back, not the way forward', async () => {
    const fx = flowFixture({
      directory: new AliasDirectory(),
      limits: { ...RELAXED_NAMES, smsSpacingPerAccount: { points: 1, durationSeconds: 30 } },
    });
    const { sessionId } = await identity(fx.api, 'A.Janssen', '01-10-1984');
    const wrong = fx.sender.lastCode() === '000000' ? '111111' : '000000';
    for (let t = 0; t < 3; t++) await fx.api.verifyCode({ sessionId, code: wrong });
    expect(await fx.api.resendCode({ sessionId })).toMatchObject({ ok: true, step: 'code' });
    expect((await identity(fx.api, 'anna.janssen', '01-10-1984')).answer).toMatchObject({
      ok: false,
      code: 'resend_too_soon',
    });
    expect(fx.sender.sent).toHaveLength(2);
  });
});

describe('targeted lock-outs reach the admin', () => {
  it('5 lock-outs from one client within an hour raise one alert (log and audit)', async () => {
    const log = captureLog();
    const fx = flowFixture({ log, limits: { identityPerUser: { points: 1, durationSeconds: 86_400 } } });
    for (let i = 0; i < 7; i++) await identity(fx.api, `victim.${i}`, '01-01-1990'); // each try spends a name
    const alerts = log.records().filter((r) => r.alert === 'lockout_burst');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ per: 'client', client: 'kiosk-1', lockouts: 5 });
    expect(fx.audit.filter((e) => e.outcome === 'alert_lockout_burst_client')).toEqual([
      { step: 'identity', outcome: 'alert_lockout_burst_client', client: 'kiosk-1' },
    ]);
  });

  it('5 lock-outs of one account, from different kiosks, raise an alert naming the account', async () => {
    const log = captureLog();
    const fx = flowFixture({
      log,
      directory: new AliasDirectory(),
      limits: { identityPerAccount: { points: 1, durationSeconds: 86_400 } },
    });
    for (let i = 0; i < 5; i++) {
      const api = bindClient(fx.service, { clientId: `kiosk-${i}` });
      await identity(api, SPELLINGS[i]!, '02-10-1984'); // the 1st spends the account, the others meet it spent
    }
    expect(log.records().filter((r) => r.alert === 'lockout_burst')).toEqual([
      expect.objectContaining({ per: 'account', user: 'A.Janssen', client: 'kiosk-4' }),
    ]);
    expect(fx.audit.filter((e) => e.outcome === 'alert_lockout_burst_account')).toHaveLength(1);
  });
});
