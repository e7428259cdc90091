import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, PERSON_BUDGETS, personBudgets, Throttles } from '../../../src-main/core/throttle.js';

describe('throttles', () => {
  it('allow 5 identity failures per user, then block, for unknown and known names alike', async () => {
    const t = new Throttles(DEFAULT_LIMITS);
    for (const user of ['a.janssen', 'no.such.user']) {
      for (let i = 0; i < 5; i++) {
        expect(await t.blockedFor('identityPerUser', user)).toBe(0);
        await t.take('identityPerUser', user);
      }
      expect(await t.blockedFor('identityPerUser', user)).toBeGreaterThan(23 * 3600);
    }
    expect(await t.blockedFor('identityPerUser', 'someone.else')).toBe(0);
  });

  it('count remaining tries and refuse with a retry time once used up', async () => {
    const t = new Throttles(DEFAULT_LIMITS);
    expect(await t.take('codeChecks', 's:1')).toEqual({ ok: true, remaining: 2 });
    await t.take('codeChecks', 's:1');
    expect(await t.take('codeChecks', 's:1')).toEqual({ ok: true, remaining: 0 });
    const refused = await t.take('codeChecks', 's:1');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('refund gives a point back (a failed SMS does not count)', async () => {
    const t = new Throttles(DEFAULT_LIMITS);
    for (let i = 0; i < 5; i++) await t.take('smsPerUser', 'u');
    await t.refund('smsPerUser', 'u');
    expect((await t.take('smsPerUser', 'u')).ok).toBe(true);
    expect((await t.take('smsPerUser', 'u')).ok).toBe(false);
  });

  it('clear resets a key', async () => {
    const t = new Throttles(DEFAULT_LIMITS);
    for (let i = 0; i < 5; i++) await t.take('identityPerUser', 'u');
    await t.clear('identityPerUser', 'u');
    expect(await t.blockedFor('identityPerUser', 'u')).toBe(0);
  });

  it('inspect and clearAll cover every budget of a person, every name and account id, and nothing else', async () => {
    const t = new Throttles(DEFAULT_LIMITS);
    const refs = personBudgets({ names: ['a.janssen', 'anna.janssen', 'a.janssen'], accountIds: ['guid-1'] });
    expect(refs).toEqual(
      PERSON_BUDGETS.flatMap(({ kind, by }) =>
        (by === 'name' ? ['a.janssen', 'anna.janssen'] : ['guid-1']).map((key) => ({ kind, key })),
      ),
    );
    for (let i = 0; i < 5; i++) await t.take('identityPerUser', 'anna.janssen');
    await t.take('smsPerUser', 'a.janssen');
    await t.take('identityPerUser', 'someone.else');
    const before = await t.inspect(refs);
    expect(before.find((b) => b.kind === 'identityPerUser' && b.key === 'anna.janssen')).toMatchObject({
      used: 5,
      limit: 5,
      blocked: true,
      retryAfterSeconds: expect.any(Number) as number,
    });
    expect(before.find((b) => b.kind === 'smsPerUser' && b.key === 'a.janssen')).toMatchObject({
      used: 1,
      blocked: false,
    });
    await t.clearAll(refs);
    expect((await t.inspect(refs)).every((b) => b.used === 0 && !b.blocked && b.retryAfterSeconds === 0)).toBe(true);
    expect((await t.inspect([{ kind: 'identityPerUser', key: 'someone.else' }]))[0]).toMatchObject({ used: 1 }); // untouched
  });
});
