// The fault matrix, through the web host with fake adapters: each fault of the directory or the SMS provider
// gives one clear result code, and no fault leaves a half-set password (the fake shows the password unchanged).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../../src-main/core/throttle.js';
import {
  FaultyCodeChannel,
  FaultyDirectory,
  type LookupFault,
  type ResetFault,
  type SendFault,
} from '../../helpers/faulty-adapters.js';
import { RELAXED_LIMITS } from '../../helpers/demo-app.js';
import { webHost, type WebHost } from '../../helpers/web-host.js';

const NEW = 'Lente#Bloesem-2031';
const ANNA = 'a.janssen';
let host: WebHost;
let directory: FaultyDirectory;
let codes: FaultyCodeChannel;

beforeEach(async () => {
  directory = new FaultyDirectory();
  codes = new FaultyCodeChannel();
  host = await webHost({
    overrides: { directory, codeChannel: codes, limits: { ...RELAXED_LIMITS, smsPerUser: DEFAULT_LIMITS.smsPerUser } },
    codeOf: () => FaultyCodeChannel.CODE,
  });
});
afterEach(() => host.stop());

/** Anna's session at `step`; the fake channel always issues FaultyCodeChannel.CODE. */
const at = async (step: 'identity' | 'password') => (await host.walkTo(step)).sessionId;
const setPassword = (sessionId: string) => host.post('setPassword', { sessionId, password: NEW, repeat: NEW });

describe('directory faults', () => {
  it.each<[LookupFault, object]>([
    ['down', { ok: false, code: 'unavailable' }],
    ['timeout', { ok: false, code: 'unavailable' }],
    ['bug', { ok: false, code: 'internal', correlationId: expect.stringMatching(/^[0-9a-f]{8}$/) as string }],
  ])('at the lookup, %s → %o, and no code is sent', async (fault, expected) => {
    directory.lookupFault = fault;
    const res = await host.post('verifyIdentity', { sessionId: await at('identity'), birthdate: '01-10-1984' });
    expect(res.status).toBe(200);
    expect(res.json).toEqual(expected);
    expect(codes.issued).toBe(0);
  });

  it.each<[ResetFault, object]>([
    ['unavailable', { ok: false, code: 'unavailable' }],
    ['timeout', { ok: false, code: 'unavailable' }],
    ['policy', { ok: false, code: 'password_rejected', rules: expect.any(Array) as unknown[] }],
    [
      'history',
      {
        ok: false,
        code: 'password_policy',
        rules: expect.arrayContaining([{ id: 'history', ok: false }]) as unknown[],
      },
    ],
    ['rights', { ok: false, code: 'internal', correlationId: expect.any(String) as string }],
    ['bug', { ok: false, code: 'internal', correlationId: expect.any(String) as string }],
  ])('at the reset, %s → %o; the password is unchanged and the user may try again', async (fault, expected) => {
    const sessionId = await at('password');
    directory.resetFault = fault;
    expect((await setPassword(sessionId)).json).toEqual(expected);
    expect(directory.passwords.has(ANNA)).toBe(false); // nothing was set, not even partly
    directory.resetFault = undefined;
    expect((await setPassword(sessionId)).json).toMatchObject({ ok: true, step: 'done' }); // the session survived the fault
    expect(directory.passwords.get(ANNA)).toBe(NEW);
  });

  it('the process dies during the reset: a restarted host knows no session, the password is unchanged, the user starts over', async () => {
    const sessionId = await at('password');
    directory.resetFault = 'hang';
    void setPassword(sessionId); // never answers: the host is "killed" here
    while (directory.resets === 0) await new Promise((r) => setTimeout(r, 5)); // the modify is under way
    await host.server.close(); // the old process is gone, its memory with it
    directory.resetFault = undefined;
    const restarted = await webHost({
      outbox: host.outbox,
      overrides: { directory, codeChannel: codes, limits: RELAXED_LIMITS },
      codeOf: () => FaultyCodeChannel.CODE,
    });
    try {
      expect((await restarted.post('setPassword', { sessionId, password: NEW, repeat: NEW })).json).toEqual({
        ok: false,
        code: 'session_expired',
      });
      expect(directory.passwords.has(ANNA)).toBe(false);
      await restarted.walkTo('done', undefined, { password: NEW });
      expect(directory.passwords.get(ANNA)).toBe(NEW);
    } finally {
      await restarted.stop();
    }
  });
});

describe('SMS faults', () => {
  it.each<[SendFault, string]>([
    ['invalid_number', 'identity_failed'], // 21211: a registration problem, answered like a wrong birthdate
    ['rate_limited', 'sms_failed'], // 429 / 20429
    ['provider_error', 'sms_failed'], // 5xx
    ['timeout', 'sms_failed'],
    ['throws', 'sms_failed'],
  ])('sending fails with %s → %s, and costs no SMS budget', async (fault, code) => {
    codes.sendFault = fault;
    for (let i = 0; i < DEFAULT_LIMITS.smsPerUser.points + 2; i++) {
      const answer = (await host.post('verifyIdentity', { sessionId: await at('identity'), birthdate: '01-10-1984' }))
        .json;
      // A refused number counts as a failed try like a wrong date (attemptsLeft); a provider fault counts nothing.
      expect(answer).toEqual(
        code === 'identity_failed'
          ? { ok: false, code, attemptsLeft: expect.any(Number) as number }
          : { ok: false, code },
      );
    }
    codes.sendFault = undefined; // the provider is back: the user's 5 texts a day are all still there
    expect(
      (await host.post('verifyIdentity', { sessionId: await at('identity'), birthdate: '01-10-1984' })).json,
    ).toMatchObject({ ok: true, step: 'code' });
  });

  it('the provider cannot check a code (Verify down) → unavailable, and the try is not used up', async () => {
    const sessionId = await at('identity');
    await host.post('verifyIdentity', { sessionId, birthdate: '01-10-1984' });
    codes.checkUnavailable = true;
    for (let i = 0; i < 5; i++)
      expect((await host.post('verifyCode', { sessionId, code: '111111' })).json).toEqual({
        ok: false,
        code: 'unavailable',
      });
    codes.checkUnavailable = false;
    expect((await host.post('verifyCode', { sessionId, code: '111111' })).json).toEqual({
      ok: false,
      code: 'code_wrong',
      attemptsLeft: 2,
    });
    expect((await host.post('verifyCode', { sessionId, code: FaultyCodeChannel.CODE })).json).toMatchObject({
      ok: true,
    });
  });
});
