// What parallel requests and faults after the write must never achieve (security review findings 1–3, 9).
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { DemoDirectory } from '../../../src-main/directory/demo.js';
import type { ResetOutcome } from '../../../src-main/core/ports/directory.js';
import { flowFixture } from '../../helpers/flow-fixture.js';

/** The demo directory with an AD-like 20 ms per lookup and per write, counting writes. */
function slowDirectory() {
  const directory = DemoDirectory.load();
  const find = directory.findUser.bind(directory);
  const reset = directory.resetPassword.bind(directory);
  const writes: string[] = [];
  directory.findUser = async (u) => (await sleep(20), find(u));
  directory.resetPassword = async (...args: Parameters<typeof reset>) => (
    writes.push(args[1]),
    await sleep(20),
    reset(...args)
  );
  return { directory, writes };
}

describe('parallel requests', () => {
  it('a burst of birthdate guesses on one session gets one real check at a time', async () => {
    const { api, walkTo } = flowFixture({ directory: slowDirectory().directory });
    const { sessionId } = await walkTo('identity');
    const guesses = Array.from({ length: 30 }, (_, i) => `${String((i % 28) + 1).padStart(2, '0')}-09-1984`);
    const answers = await Promise.all(guesses.map((birthdate) => api.verifyIdentity({ sessionId, birthdate })));
    const checked = answers.filter((a) => a.ok || a.code !== 'identity_in_progress');
    expect(checked).toMatchObject([{ ok: false, code: 'identity_failed' }]);
  });

  it('a burst over many sessions still gets at most 5 real checks (the tries are taken before the lookup)', async () => {
    const { api } = flowFixture({ directory: slowDirectory().directory });
    const sessions = await Promise.all(Array.from({ length: 30 }, () => api.start({ username: 'A.Janssen' })));
    const answers = await Promise.all(
      sessions.map((s, i) =>
        s.ok
          ? api.verifyIdentity({ sessionId: s.sessionId, birthdate: `${String(i + 1).padStart(2, '0')}-09-1984` })
          : Promise.resolve(s),
      ),
    );
    expect(answers.filter((a) => !a.ok && a.code === 'identity_failed')).toHaveLength(5);
    expect(answers.filter((a) => !a.ok && a.code === 'blocked')).toHaveLength(25);
  });

  it('a double submit writes the password once', async () => {
    const { directory, writes } = slowDirectory();
    const { api, walkTo } = flowFixture({ directory });
    const { sessionId } = await walkTo('password');
    const [a, b] = await Promise.all([
      api.setPassword({ sessionId, password: 'Zomer#2026x', repeat: 'Zomer#2026x' }),
      api.setPassword({ sessionId, password: 'Herfst#2026x', repeat: 'Herfst#2026x' }),
    ]);
    expect([a, b].filter((r) => r.ok)).toHaveLength(1);
    expect([a, b].find((r) => !r.ok)).toEqual({ ok: false, code: 'password_in_progress' });
    expect(writes).toHaveLength(1);
  });
});

describe('after the directory answered', () => {
  it('a fault in a follow-up step cannot turn a set password into a failure', async () => {
    const fx = flowFixture();
    const { sessionId } = await fx.walkTo('password');
    fx.audit.push = () => {
      throw new Error('audit disk full');
    };
    expect(await fx.api.setPassword({ sessionId, password: 'Zomer#2026x', repeat: 'Zomer#2026x' })).toMatchObject({
      ok: true,
      step: 'done',
    });
  });

  it('a write whose answer was lost says so, and ends the session', async () => {
    const directory = DemoDirectory.load();
    directory.resetPassword = () =>
      Promise.resolve({ ok: false, reason: 'uncertain', detail: 'socket closed after modify was sent' });
    const { api, walkTo } = flowFixture({ directory });
    const { sessionId } = await walkTo('password');
    expect(await api.setPassword({ sessionId, password: 'Zomer#2026x', repeat: 'Zomer#2026x' })).toEqual({
      ok: false,
      code: 'reset_uncertain',
    });
    expect(await api.setPassword({ sessionId, password: 'Zomer#2026x', repeat: 'Zomer#2026x' })).toMatchObject({
      code: 'session_expired',
    });
  });

  it('a refused write keeps the session for another try and releases its claim', async () => {
    const directory = DemoDirectory.load();
    const reset = directory.resetPassword.bind(directory);
    let refuse = true;
    directory.resetPassword = async (...args: Parameters<typeof reset>): Promise<ResetOutcome> =>
      refuse ? ((refuse = false), { ok: false, reason: 'policy' }) : reset(...args);
    const { api, walkTo } = flowFixture({ directory });
    const { sessionId } = await walkTo('password');
    expect(await api.setPassword({ sessionId, password: 'Zomer#2026x', repeat: 'Zomer#2026x' })).toMatchObject({
      code: 'password_rejected',
    });
    expect(await api.setPassword({ sessionId, password: 'Herfst#2026x', repeat: 'Herfst#2026x' })).toMatchObject({
      ok: true,
    });
  });
});

describe('no birthdate oracle when no SMS can be sent', () => {
  it('a used-up SMS budget answers the same for a right and a wrong date', async () => {
    const { api, walkTo } = flowFixture({ limits: { smsPerClient: { points: 1, durationSeconds: 3600 } } });
    await walkTo('code'); // the one SMS this kiosk may send this hour
    for (const birthdate of ['01-10-1984', '02-10-1984']) {
      const { sessionId } = await walkTo('identity');
      expect(await api.verifyIdentity({ sessionId, birthdate })).toEqual({
        ok: false,
        code: 'sms_limit',
        retryAfterSeconds: 3600,
        limit: 'client',
      });
    }
  });
});
