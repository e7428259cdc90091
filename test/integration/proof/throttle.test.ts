// Bounded guessing, proven through the web host with the default limits: at most 3 code tries per SMS and
// 5 SMS per user per day (so ≤ 15 code guesses a day), at most 5 wrong birthdates per user per day whichever
// kiosk and however the name is typed, and at most 30 wrong birthdates per kiosk per hour across names.
import { afterEach, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../../src-main/core/throttle.js';
import { ANNA } from '../../helpers/demo-users.js';
import { webHost, type WebHost } from '../../helpers/web-host.js';

let host: WebHost | undefined;
afterEach(() => host?.stop());

function clockedHost() {
  let clock = Date.now();
  // The account's spacing between codes runs on real time, not this test's clock (the flow's resend wait does).
  const promise = webHost({
    overrides: {
      limits: { ...DEFAULT_LIMITS, smsSpacingPerAccount: { points: 1000, durationSeconds: 30 } },
      now: () => clock,
    },
  });
  return { promise, advance: (s: number) => void (clock += s * 1000) };
}

it('an attacker who knows the birthdate gets 3 tries per code and 5 codes a day: at most 15 guesses', async () => {
  const { promise, advance } = clockedHost();
  host = await promise;
  const { sessionId } = await host.walkTo('code');
  let codesSent = 1;
  for (;;) {
    const real = host.lastCode();
    const answers: unknown[] = [];
    for (let guess = 0; guess < 6; guess++) {
      const code = String((Number(real) + 1 + guess) % 1_000_000).padStart(6, '0'); // never the real one
      answers.push((await host.call('verifyCode', { sessionId, code })).code);
    }
    // The 3rd wrong try uses the last one up; from then on nothing is checked, not even the right code.
    expect(answers).toEqual([
      'code_wrong',
      'code_wrong',
      'code_attempts_exceeded',
      'code_attempts_exceeded',
      'code_attempts_exceeded',
      'code_attempts_exceeded',
    ]);
    expect(await host.call('verifyCode', { sessionId, code: real })).toMatchObject({ code: 'code_attempts_exceeded' });
    advance(31); // past resendAfterSeconds
    const resend = await host.call('resendCode', { sessionId });
    if (!resend.ok) {
      expect(resend).toMatchObject({ code: 'sms_limit' });
      break;
    }
    codesSent++;
  }
  expect(codesSent).toBe(DEFAULT_LIMITS.smsPerUser.points); // 5 codes × 3 checked guesses = 15 a day
  // A new session does not reset the budget.
  const again = await host.walkTo('identity', { ...ANNA, username: 'a.janssen' });
  expect(await host.call('verifyIdentity', { sessionId: again.sessionId, birthdate: ANNA.birthdate })).toMatchObject({
    code: 'sms_limit',
  });
});

it('5 wrong birthdates per user per day, whichever kiosk and spelling; then even the right one is blocked', async () => {
  host = await webHost({ overrides: { limits: DEFAULT_LIMITS } });
  const spellings = ['A.Janssen', 'a.janssen@pantein.nl', 'PANTEIN\\A.JANSSEN', ' a.janssen ', 'A.Janssen'];
  for (const [i, username] of spellings.entries()) {
    const client = `10.0.0.${i + 1}`;
    const { sessionId } = await host.walkTo('identity', { ...ANNA, username }, { client });
    // One budget for every spelling: the tries left count down across them.
    expect(await host.call('verifyIdentity', { sessionId, birthdate: `0${i + 2}-10-1984` }, client)).toEqual({
      ok: false,
      code: 'identity_failed',
      attemptsLeft: 4 - i,
    });
  }
  const { sessionId } = await host.walkTo('identity', ANNA, { client: '10.9.9.9' });
  const blocked = await host.call('verifyIdentity', { sessionId, birthdate: ANNA.birthdate }, '10.9.9.9');
  expect(blocked).toMatchObject({ ok: false, code: 'blocked', limit: 'user' });
  expect(() => host!.lastCode()).toThrow(/no SMS sent/);
  // An unknown name counts down and is blocked the same way after 5 tries: neither tells anything about existence.
  // (Five different dates: a repeat of one date is counted once, for unknown names as for accounts.)
  for (let i = 0; i < 6; i++) {
    const client = `10.1.0.${i}`;
    const { sessionId } = await host.walkTo(
      'identity',
      { username: 'no.such.person', birthdate: '01-01-1990' },
      { client },
    );
    const r = await host.call('verifyIdentity', { sessionId, birthdate: `0${i + 1}-01-1990` }, client);
    if (i < 5) expect(r).toEqual({ ok: false, code: 'identity_failed', attemptsLeft: 4 - i });
    else expect(Object.keys(r).sort()).toEqual(Object.keys(blocked).sort());
    if (i === 5) expect(r).toMatchObject({ ok: false, code: 'blocked', limit: 'user' });
  }
});

it('one kiosk spraying many names is stopped after 30 wrong birthdates an hour', async () => {
  host = await webHost({ overrides: { limits: DEFAULT_LIMITS } });
  const answers: string[] = [];
  for (let i = 0; i < 32; i++) {
    const { sessionId } = await host.walkTo(
      'identity',
      { username: `guess.${i}`, birthdate: '01-01-1990' },
      { client: '10.2.0.1' },
    );
    answers.push(
      (await host.call('verifyIdentity', { sessionId, birthdate: '01-01-1990' }, '10.2.0.1')).code as string,
    );
  }
  expect(answers.slice(0, 30).every((c) => c === 'identity_failed')).toBe(true);
  expect(answers.slice(30)).toEqual(['blocked', 'blocked']);
  // Another kiosk is not affected.
  await host.walkTo('code', ANNA, { client: '10.2.0.2' });
});
