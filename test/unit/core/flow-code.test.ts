// The code and password steps: tries, expiry, resend, SMS budgets, policy answers.
import { describe, expect, it } from 'vitest';
import type { CodeChannel } from '../../../src-main/core/ports/sms.js';
import { ANNA } from '../../helpers/demo-users.js';
import { flowFixture } from '../../helpers/flow-fixture.js';

/** A fixture with Anna's session at the code step. */
async function atCodeStep(fx = flowFixture()) {
  return { ...fx, sessionId: (await fx.walkTo('code')).sessionId };
}

describe('reset flow: code step', () => {
  it('allows 3 checks per code, then asks for a new one; a format typo is not a check', async () => {
    const { api, sender, sessionId } = await atCodeStep();
    const wrong = sender.lastCode() === '000000' ? '111111' : '000000';
    expect(await api.verifyCode({ sessionId, code: '12 34' })).toMatchObject({ code: 'code_format' });
    expect(await api.verifyCode({ sessionId, code: wrong })).toEqual({
      ok: false,
      code: 'code_wrong',
      attemptsLeft: 2,
    });
    expect(await api.verifyCode({ sessionId, code: wrong })).toEqual({
      ok: false,
      code: 'code_wrong',
      attemptsLeft: 1,
    });
    expect(await api.verifyCode({ sessionId, code: wrong })).toEqual({ ok: false, code: 'code_attempts_exceeded' });
    expect(await api.verifyCode({ sessionId, code: sender.lastCode() })).toEqual({
      ok: false,
      code: 'code_attempts_exceeded',
    });
    // The spent code is replaced at once (no 30 s wait): the wizard says "ask for a new code below".
    expect(await api.resendCode({ sessionId })).toMatchObject({ ok: true, step: 'code' });
    expect(sender.sent).toHaveLength(2);
    // The new code has its own 3 tries and the normal resend spacing again.
    expect(await api.resendCode({ sessionId })).toMatchObject({ code: 'resend_too_soon' });
    expect(await api.verifyCode({ sessionId, code: sender.lastCode() })).toMatchObject({ ok: true, step: 'password' });
  });

  it('a spent code is replaced at once only within the SMS budget', async () => {
    const { api, sender, sessionId } = await atCodeStep(
      flowFixture({ limits: { smsPerUser: { points: 1, durationSeconds: 86_400 } } }),
    );
    const wrong = sender.lastCode() === '000000' ? '111111' : '000000';
    for (let i = 0; i < 3; i++) await api.verifyCode({ sessionId, code: wrong });
    const refused = await api.resendCode({ sessionId });
    expect(refused).toMatchObject({ ok: false, code: 'sms_limit', limit: 'user' });
    if (!refused.ok) expect(refused.retryAfterSeconds).toBeGreaterThan(23 * 3600);
    expect(sender.sent).toHaveLength(1);
  });

  it('an expired code is replaced at once', async () => {
    const { api, sender, sessionId, advance } = await atCodeStep();
    advance(300_001);
    expect(await api.resendCode({ sessionId })).toMatchObject({ ok: true, step: 'code' });
    expect(sender.sent).toHaveLength(2);
  });

  it('expires a code after 5 minutes', async () => {
    const { api, sender, sessionId, advance } = await atCodeStep();
    advance(300_001);
    expect(await api.verifyCode({ sessionId, code: sender.lastCode() })).toEqual({ ok: false, code: 'code_expired' });
  });

  it('a resent code replaces the old one', async () => {
    const { api, sender, sessionId, advance } = await atCodeStep();
    const old = sender.lastCode();
    advance(31_000);
    await api.resendCode({ sessionId });
    if (sender.lastCode() === old) return; // 1 in a million: same digits again
    expect(await api.verifyCode({ sessionId, code: old })).toMatchObject({ code: 'code_wrong' });
  });

  it('sends at most 5 SMS per user per day; a failed send is given back', async () => {
    const fx = await atCodeStep();
    const { api, sender, advance } = fx;
    let sessionId = fx.sessionId;
    for (let i = 0; i < 3; i++) {
      advance(30_000);
      expect(await api.resendCode({ sessionId })).toMatchObject({ ok: true });
    }
    advance(30_000);
    sender.next.push({ ok: false, reason: 'provider_error', providerCode: 20500 });
    expect(await api.resendCode({ sessionId })).toEqual({ ok: false, code: 'sms_failed' });
    expect(await api.resendCode({ sessionId })).toMatchObject({ ok: true }); // the 5th
    advance(30_000);
    expect(await api.resendCode({ sessionId })).toMatchObject({ ok: false, code: 'sms_limit' });
    sessionId = (await fx.walkTo('identity', { ...ANNA, username: 'a.janssen@pantein.nl' })).sessionId;
    expect(await api.verifyIdentity({ sessionId, birthdate: '01-10-1984' })).toMatchObject({
      ok: false,
      code: 'sms_limit',
    });
    // every send, resend and refusal is in the audit trail
    const sends = fx.audit.filter((e) => e.step === 'code_sent').map((e) => e.outcome);
    expect(sends).toEqual([
      'ok',
      'ok',
      'ok',
      'ok',
      'failed_provider_error',
      'ok',
      'sms_limit_smsPerUser',
      'sms_limit_smsPerUser',
    ]);
  });

  it('a number the provider calls invalid gets the generic identity answer', async () => {
    const fx = flowFixture();
    fx.sender.next.push({ ok: false, reason: 'invalid_number', providerCode: 21211 });
    const { sessionId } = await fx.walkTo('identity');
    // Counted like a wrong date, with the same tries left as any other typed name's first failure.
    expect(await fx.api.verifyIdentity({ sessionId, birthdate: '01-10-1984' })).toEqual({
      ok: false,
      code: 'identity_failed',
      attemptsLeft: 4,
    });
  });
});

describe('reset flow: password step', () => {
  it('checks mismatch first, then every rule, server-side', async () => {
    const { api, sender, sessionId } = await atCodeStep();
    await api.verifyCode({ sessionId, code: sender.lastCode() });
    expect(await api.setPassword({ sessionId, password: 'Zomer#2026x', repeat: 'Zomer#2026y' })).toEqual({
      ok: false,
      code: 'password_mismatch',
    });
    const weak = await api.setPassword({ sessionId, password: 'anna2026', repeat: 'anna2026' });
    expect(weak).toMatchObject({ ok: false, code: 'password_policy' });
    if (!weak.ok)
      expect(weak.rules?.filter((r) => r.ok === false).map((r) => r.id)).toEqual(['upper', 'punctuation', 'names']);
  });

  it('cancel wipes the session', async () => {
    const { api, sender, sessionId } = await atCodeStep();
    expect(await api.cancel({ sessionId })).toEqual({ ok: true });
    expect(await api.verifyCode({ sessionId, code: sender.lastCode() })).toMatchObject({ code: 'session_expired' });
  });

  it('a session ends after 10 minutes', async () => {
    const { api, sender, sessionId, advance } = await atCodeStep();
    advance(600_001);
    expect(await api.verifyCode({ sessionId, code: sender.lastCode() })).toMatchObject({ code: 'session_expired' });
  });
});

describe('reset flow: codes checked by the provider (Twilio Verify)', () => {
  it('a resend of the same pending code keeps its tries and its expiry', async () => {
    const sent: string[] = [];
    const codes: CodeChannel = {
      issue: (to) => (sent.push(to), Promise.resolve({ ok: true, issued: { kind: 'remote', to } })),
      check: (_issued, code) => Promise.resolve(code === '424242' ? 'valid' : 'invalid'),
    };
    const fx = await atCodeStep(flowFixture({ codes }));
    const { api, sessionId, advance } = fx;
    expect(await api.verifyCode({ sessionId, code: '000000' })).toMatchObject({ attemptsLeft: 2 });
    expect(await api.verifyCode({ sessionId, code: '000001' })).toMatchObject({ attemptsLeft: 1 });
    advance(30_000);
    expect(await api.resendCode({ sessionId })).toMatchObject({ ok: true });
    expect(sent).toHaveLength(2);
    expect(await api.verifyCode({ sessionId, code: '000002' })).toEqual({ ok: false, code: 'code_attempts_exceeded' });
    advance(271_000); // 5 minutes after the first send, not after the resend
    expect(await api.verifyCode({ sessionId, code: '424242' })).toEqual({ ok: false, code: 'code_expired' });
  });
});
