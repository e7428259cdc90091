// The unlock-only flow: the same username → birthdate → code steps and budgets as a reset, then `unlock` clears
// the lockout and leaves the password alone; an unknown or wrong person gets exactly the reset's answers; the
// steps of one purpose cannot be used for the other; own audit outcomes and an optional "unlocked" SMS.
import { describe, expect, it } from 'vitest';
import type { DemoDirectory } from '../../../src-main/directory/demo.js';
import { flowFixture } from '../../helpers/flow-fixture.js';
import { FaultyDirectory } from '../../helpers/faulty-adapters.js';

async function toUnlock(f: ReturnType<typeof flowFixture>, username = 'M.Bakker', birthdate = '23-07-1990') {
  const start = await f.api.start({ username, purpose: 'unlock' });
  if (!start.ok) throw new Error(start.code);
  expect(await f.api.verifyIdentity({ sessionId: start.sessionId, birthdate })).toMatchObject({
    ok: true,
    step: 'code',
  });
  expect(await f.api.verifyCode({ sessionId: start.sessionId, code: f.sender.lastCode() })).toEqual({
    ok: true,
    step: 'unlock',
  });
  return start.sessionId;
}

describe('unlock flow', () => {
  it('unlocks the locked demo user without a new password, audits it and sends the notice', async () => {
    const f = flowFixture();
    const demo = f.directory as DemoDirectory;
    expect(demo.isLocked('M.Bakker')).toBe(true);
    const sessionId = await toUnlock(f);
    expect(await f.api.unlock({ sessionId })).toEqual({ ok: true, step: 'unlocked' });
    expect(demo.isLocked('M.Bakker')).toBe(false);
    expect(f.audit.map((e) => `${e.step}:${e.outcome}`)).toEqual([
      'start:ok',
      'code_sent:ok',
      'identity:ok',
      'code:ok',
      'unlock:ok',
    ]);
    expect(f.audit.at(-1)?.user).toBe('M.Bakker');
    await new Promise((r) => setTimeout(r, 0)); // the notice is sent in the background
    expect(f.sender.sent.at(-1)?.body).toBe('Pantein: je account is ontgrendeld.');
    expect(await f.api.unlock({ sessionId })).toEqual({ ok: false, code: 'session_expired' }); // wiped
  });

  it('answers unknown users, wrong dates and missing mobiles exactly as the reset does', async () => {
    const answers = async (purpose: 'reset' | 'unlock') => {
      const f = flowFixture();
      const out = [];
      for (const [username, birthdate] of [
        ['nobody', '01-01-1990'],
        ['A.Janssen', '02-10-1984'],
        ['P.deVries', '12-03-1979'],
        ['K.Visser', '05-05-1968'],
      ]) {
        const start = await f.api.start({ username: username!, purpose });
        out.push(
          start,
          start.ok ? await f.api.verifyIdentity({ sessionId: start.sessionId, birthdate: birthdate! }) : null,
        );
      }
      return out.map((a) => (a && 'sessionId' in a ? { ...a, sessionId: 'x' } : a));
    };
    expect(await answers('unlock')).toEqual(await answers('reset'));
  });

  it('shares the birthdate budget with resets: 5 wrong dates in either block both', async () => {
    const f = flowFixture();
    for (let i = 0; i < 5; i++) {
      const start = await f.api.start({ username: 'A.Janssen', purpose: i % 2 ? 'unlock' : 'reset' });
      if (start.ok) await f.api.verifyIdentity({ sessionId: start.sessionId, birthdate: `0${i + 1}-01-2000` });
    }
    const start = await f.api.start({ username: 'A.Janssen', purpose: 'unlock' });
    expect(
      start.ok && (await f.api.verifyIdentity({ sessionId: start.sessionId, birthdate: '01-10-1984' })),
    ).toMatchObject({ ok: false, code: 'blocked', limit: 'user' });
  });

  it('keeps the purposes apart: no password on an unlock session, no unlock on a reset session', async () => {
    const f = flowFixture();
    const unlockId = await toUnlock(f, 'A.Janssen', '01-10-1984');
    expect(
      await f.api.setPassword({ sessionId: unlockId, password: 'Herfst#Blad-2031', repeat: 'Herfst#Blad-2031' }),
    ).toEqual({ ok: false, code: 'session_expired' });
    const reset = await f.api.start({ username: 'E.Dubois' });
    if (!reset.ok) throw new Error(reset.code);
    await f.api.verifyIdentity({ sessionId: reset.sessionId, birthdate: '30-11-1995' });
    expect(await f.api.unlock({ sessionId: reset.sessionId })).toEqual({ ok: false, code: 'session_expired' }); // before the code
    expect(await f.api.verifyCode({ sessionId: reset.sessionId, code: f.sender.lastCode() })).toMatchObject({
      ok: true,
      step: 'password',
    });
    expect(await f.api.unlock({ sessionId: reset.sessionId })).toEqual({ ok: false, code: 'session_expired' });
  });

  it('a directory that is down or refuses: unavailable, or internal with a reference; audited', async () => {
    const directory = new FaultyDirectory();
    const f = flowFixture({ directory });
    const first = await toUnlock(f, 'A.Janssen', '01-10-1984');
    directory.resetFault = 'unavailable';
    expect(await f.api.unlock({ sessionId: first })).toEqual({ ok: false, code: 'unavailable' });
    directory.resetFault = 'rights';
    expect(await f.api.unlock({ sessionId: first })).toEqual({
      ok: false,
      code: 'internal',
      correlationId: expect.any(String) as string,
    });
    expect(f.audit.filter((e) => e.step === 'unlock').map((e) => e.outcome)).toEqual(['unavailable', 'rights']);
    directory.resetFault = undefined;
    expect(await f.api.unlock({ sessionId: first })).toEqual({ ok: true, step: 'unlocked' });
    expect(directory.unlocked).toEqual(['a.janssen']);
    expect(directory.resets).toBe(0); // no password was written
  });
});
