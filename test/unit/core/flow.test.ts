// The reset as a state machine: each transition, each refusal, and what it consumes.
import { describe, expect, it } from 'vitest';
import { DemoDirectory } from '../../../src-main/directory/demo.js';
import { DirectoryUnavailableError } from '../../../src-main/core/ports/directory.js';
import { flowFixture } from '../../helpers/flow-fixture.js';

describe('reset flow: happy path', () => {
  it('walks start → identity → code → password → done and unlocks', async () => {
    const { api, sender, directory, audit } = flowFixture();
    const start = await api.start({ username: 'PANTEIN\\M.Bakker' });
    expect(start).toMatchObject({ ok: true, step: 'identity' });
    if (!start.ok) return;
    expect(start.sessionId).toMatch(/^[0-9a-f]{32}$/);
    const identity = await api.verifyIdentity({ sessionId: start.sessionId, birthdate: '23/7/1990' });
    expect(identity).toEqual({
      ok: true,
      step: 'code',
      maskedMobile: '•• •• •• 89',
      resendAfterSeconds: 30,
      codeValidSeconds: 300,
    });
    expect(sender.sent[0]?.to).toBe('+31623456789');
    const code = await api.verifyCode({ sessionId: start.sessionId, code: sender.lastCode() });
    expect(code).toEqual({
      ok: true,
      step: 'password',
      forbiddenWords: ['marieke', 'bakker', 'm.bakker'],
      policy: { minLength: 8, complexity: true, history: 5, historyChecked: true, banned: false },
    });
    expect((directory as DemoDirectory).isLocked('M.Bakker')).toBe(true);
    const done = await api.setPassword({ sessionId: start.sessionId, password: 'Zomer#2026x', repeat: 'Zomer#2026x' });
    expect(done).toEqual({ ok: true, step: 'done', applications: ['Computer inlog', 'Topdesk'] });
    expect((directory as DemoDirectory).isLocked('M.Bakker')).toBe(false);
    expect(sender.sent.at(-1)?.body).toContain('gewijzigd');
    // the session is wiped: nothing can be replayed
    expect(
      await api.setPassword({ sessionId: start.sessionId, password: 'Herfst#2026x', repeat: 'Herfst#2026x' }),
    ).toMatchObject({ code: 'session_expired' });
    expect(audit.map((e) => `${e.step}:${e.outcome}`)).toEqual([
      'start:ok',
      'code_sent:ok',
      'identity:ok',
      'code:ok',
      'password:ok',
    ]);
  });

  it('refuses the same password on a second reset (history, last 5)', async () => {
    const { api, walkTo } = flowFixture();
    await walkTo('done', undefined, { password: 'Zomer#2026x' });
    const { sessionId: second } = await walkTo('password');
    const again = await api.setPassword({ sessionId: second, password: 'Zomer#2026x', repeat: 'Zomer#2026x' });
    expect(again).toMatchObject({ ok: false, code: 'password_policy' });
    if (!again.ok) expect(again.rules?.find((r) => r.id === 'history')?.ok).toBe(false);
    // the session stays at the password step: the user simply picks another one
    expect(
      await api.setPassword({ sessionId: second, password: 'Winter#2026x', repeat: 'Winter#2026x' }),
    ).toMatchObject({ ok: true });
  });
});

describe('reset flow: identity step', () => {
  it('gives one answer for unknown user, wrong date, no mobile, disabled, landline', async () => {
    const { api, walkTo } = flowFixture();
    const cases = [
      ['Nobody.Here', '01-10-1984'],
      ['A.Janssen', '02-10-1984'],
      ['P.deVries', '12-03-1979'],
      ['K.Visser', '05-05-1968'],
      ['J.Smit', '14-02-1972'],
    ];
    for (const [username, birthdate] of cases) {
      const { sessionId } = await walkTo('identity', { username: username!, birthdate: birthdate! });
      expect(await api.verifyIdentity({ sessionId, birthdate: birthdate! })).toEqual({
        ok: false,
        code: 'identity_failed',
        attemptsLeft: 4,
      });
    }
  });

  it('counts tries left per typed name, the same for an unknown and a known name, and never resets them on success', async () => {
    const { api, walkTo } = flowFixture();
    const answers = async (username: string, dates: string[]) => {
      const { sessionId } = await walkTo('identity', { username, birthdate: dates[0]! });
      const seen = [];
      for (const birthdate of dates) seen.push(await api.verifyIdentity({ sessionId, birthdate }));
      return seen;
    };
    const dates = ['02-10-1984', '03-10-1984', '04-10-1984'];
    const known = await answers('A.Janssen', dates);
    const unknown = await answers('Nobody.Here', dates);
    expect(unknown).toEqual(known);
    expect(known.map((a) => !a.ok && a.attemptsLeft)).toEqual([4, 3, 2]);
    // A successful reset on the known name leaves its count as it was (a jump back would reveal the account).
    await walkTo('done');
    expect(await answers('A.Janssen', ['05-10-1984'])).toEqual(await answers('Nobody.Here', ['05-10-1984']));
  });

  it('a format typo is not a failed try; 5 real failures block the user (also unknown ones)', async () => {
    const { api, walkTo } = flowFixture();
    for (const username of ['A.Janssen', 'ghost.user']) {
      const { sessionId } = await walkTo('identity', { username, birthdate: '01-10-1984' });
      for (let i = 0; i < 10; i++)
        expect(await api.verifyIdentity({ sessionId, birthdate: '31-02-1984' })).toMatchObject({
          code: 'birthdate_format',
        });
      for (let i = 0; i < 5; i++)
        expect(await api.verifyIdentity({ sessionId, birthdate: `0${i + 2}-10-1984` })).toMatchObject({
          code: 'identity_failed',
        });
      // even the right date is refused now, and the answer does not depend on existence
      // `limit: 'user'`: this typed name's budget; counted for unknown names alike, so it tells nothing
      const blocked = await api.verifyIdentity({ sessionId, birthdate: '01-10-1984' });
      expect(blocked).toMatchObject({ ok: false, code: 'blocked', limit: 'user' });
      expect(Object.keys(blocked).sort()).toEqual(['code', 'limit', 'ok', 'retryAfterSeconds']);
      if (!blocked.ok) expect(blocked.retryAfterSeconds).toBeGreaterThan(23 * 3600);
    }
  });

  it('a spent kiosk budget says so (limit client), for a known and an unknown name alike', async () => {
    const { api } = flowFixture({ limits: { identityPerClient: { points: 2, durationSeconds: 3600 } } });
    for (const username of ['A.Janssen', 'ghost.user']) {
      const start = await api.start({ username });
      if (!start.ok) throw new Error();
      await api.verifyIdentity({ sessionId: start.sessionId, birthdate: '02-10-1984' });
    }
    for (const username of ['A.Janssen', 'ghost.user']) {
      const start = await api.start({ username });
      if (!start.ok) throw new Error();
      expect(await api.verifyIdentity({ sessionId: start.sessionId, birthdate: '01-10-1984' })).toMatchObject({
        ok: false,
        code: 'blocked',
        limit: 'client',
      });
    }
  });

  it('too many new sessions from one kiosk: blocked, limit client, with the wait', async () => {
    const { api } = flowFixture({ limits: { startsPerClient: { points: 1, durationSeconds: 3600 } } });
    expect(await api.start({ username: 'A.Janssen' })).toMatchObject({ ok: true });
    expect(await api.start({ username: 'A.Janssen' })).toMatchObject({
      ok: false,
      code: 'blocked',
      limit: 'client',
      retryAfterSeconds: 3600,
    });
  });

  it('a cancel without a session (the person leaves) is fine and touches nothing', async () => {
    const { api, audit } = flowFixture();
    expect(await api.cancel({})).toEqual({ ok: true });
    expect(audit).toEqual([]);
  });

  it('info tells the timings as resolved once (config/runtime.ts: codeIdleSeconds) and where the code arrives', async () => {
    expect(await flowFixture().api.info({})).toMatchObject({
      ok: true,
      idleSeconds: 90,
      codeIdleSeconds: 300,
      doneSeconds: 20,
      channelName: { nl: 'sms', en: 'SMS' },
    });
    const info = await flowFixture({ options: { codeIdleSeconds: 123 } }).api.info({});
    expect(info).toMatchObject({ ok: true, codeIdleSeconds: 123 }); // the core passes it on, it does not re-derive it
  });

  it('says "unavailable" when the directory cannot answer, and counts nothing', async () => {
    const directory = DemoDirectory.load();
    directory.findUser = () => Promise.reject(new DirectoryUnavailableError('ldap down'));
    const { api, walkTo } = flowFixture({ directory });
    const { sessionId } = await walkTo('identity');
    for (let i = 0; i < 6; i++)
      expect(await api.verifyIdentity({ sessionId, birthdate: '01-10-1984' })).toMatchObject({ code: 'unavailable' });
  });

  it('refuses an empty username and an unknown session', async () => {
    const { api } = flowFixture();
    expect(await api.start({ username: '  ' })).toMatchObject({ code: 'username_required' });
    expect(await api.verifyIdentity({ sessionId: '0'.repeat(32), birthdate: '01-10-1984' })).toMatchObject({
      code: 'session_expired',
    });
  });
});
