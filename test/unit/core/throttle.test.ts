import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, Throttles } from '../../../src-main/core/throttle.js';

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
});
