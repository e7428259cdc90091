// No trap for the nurse without a usable mobile (issue 24), no silent birthdate check (issue 27): a typed name
// that repeats the identical date is checked again but counted once, for unknown names as for accounts; while
// an account's spacing between texts runs, a right and a wrong date get the same answer and neither is checked.
import { describe, expect, it } from 'vitest';
import type { ResetApi } from '../../../src-main/core/contract.js';
import { AliasDirectory } from '../../helpers/alias-directory.js';
import { flowFixture } from '../../helpers/flow-fixture.js';
import { ANNA, NO_MOBILE } from '../../helpers/demo-users.js';

async function identity(api: ResetApi, username: string, birthdate: string) {
  const s = await api.start({ username });
  if (!s.ok) throw new Error(s.code);
  return api.verifyIdentity({ sessionId: s.sessionId, birthdate });
}

describe('a repeated date counts once', () => {
  it('5 (and 8) identical right dates without a usable mobile: not blocked, the count stays, as for an unknown name', async () => {
    const fx = flowFixture();
    const noMobile = [];
    const unknown = [];
    for (let i = 0; i < 8; i++) noMobile.push(await identity(fx.api, NO_MOBILE.username, NO_MOBILE.birthdate));
    for (let i = 0; i < 8; i++) unknown.push(await identity(fx.api, 'no.such.person', NO_MOBILE.birthdate));
    expect(noMobile).toEqual(Array(8).fill({ ok: false, code: 'identity_failed', attemptsLeft: 4 }));
    expect(unknown).toEqual(noMobile);
    // The audit says which were repeats: the servicedesk reads "same date again" as "her date is right".
    const outcomes = fx.audit.filter((e) => e.step === 'identity').map((e) => e.outcome);
    expect(outcomes.slice(0, 8)).toEqual(['mobile_missing', ...Array<string>(7).fill('mobile_missing_same_date')]);
    expect(outcomes.slice(8)).toEqual(['unknown_user', ...Array<string>(7).fill('unknown_user_same_date')]);
  });

  it('repeats buy no extra dates: 5 different wrong dates still block, whatever was repeated in between', async () => {
    const fx = flowFixture();
    const answers = [];
    for (let i = 0; i < 5; i++) {
      answers.push(await identity(fx.api, 'A.Janssen', `0${i + 2}-10-1984`));
      answers.push(await identity(fx.api, 'a.janssen', `0${i + 2}-10-1984`)); // the same name, folded: a repeat
    }
    // The 5th date uses the last try; its repeat then finds the name blocked (nothing left to check it with).
    expect(answers.map((a) => !a.ok && (a.attemptsLeft ?? a.code))).toEqual([4, 4, 3, 3, 2, 2, 1, 1, 0, 'blocked']);
    expect(answers.at(-1)).toMatchObject({ ok: false, code: 'blocked', limit: 'user' });
    expect(await identity(fx.api, ANNA.username, ANNA.birthdate)).toMatchObject({
      ok: false,
      code: 'blocked',
      limit: 'user',
    });
  });

  it('a right date that succeeds after repeats gives back nothing it did not take', async () => {
    const fx = flowFixture();
    await identity(fx.api, 'A.Janssen', '02-10-1984');
    for (let i = 0; i < 3; i++) expect(await identity(fx.api, 'A.Janssen', ANNA.birthdate)).toMatchObject({ ok: true });
    // Still one wrong date counted: 4 left, not more (no refund of a try a repeat never took).
    expect(await identity(fx.api, 'A.Janssen', '03-10-1984')).toEqual({
      ok: false,
      code: 'identity_failed',
      attemptsLeft: 3,
    });
  });
});

describe('no silent birthdate check during the account spacing', () => {
  it('session A sends a code; B (right date) and C (wrong date) within 30 s get the same answer, no text, no try spent', async () => {
    // The account's spacing runs on real time (rate-limiter-flexible's clock): 1 s here instead of 30.
    const fx = flowFixture({
      directory: new AliasDirectory(),
      limits: { smsSpacingPerAccount: { points: 1, durationSeconds: 1 } },
    });
    expect(await identity(fx.api, 'A.Janssen', ANNA.birthdate)).toMatchObject({ ok: true, step: 'code' });
    const right = await identity(fx.api, 'anna.janssen', ANNA.birthdate);
    const wrong = await identity(fx.api, 'anna.janssen', '02-10-1984');
    expect(right).toEqual({ ok: false, code: 'resend_too_soon', retryAfterSeconds: expect.any(Number) as number });
    expect(wrong).toEqual(right);
    expect(fx.sender.sent).toHaveLength(1);
    // Neither was a try: once the spacing is over, the wrong date counts as the name's first.
    await new Promise((r) => setTimeout(r, 1100));
    expect(await identity(fx.api, 'anna.janssen', '02-10-1984')).toEqual({
      ok: false,
      code: 'identity_failed',
      attemptsLeft: 4,
    });
    expect(await identity(fx.api, 'anna.janssen', ANNA.birthdate)).toMatchObject({ ok: true, step: 'code' });
    expect(fx.sender.sent).toHaveLength(2);
  });
});
