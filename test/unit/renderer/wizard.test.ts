// The wizard's state machine (src-renderer/wizard.svelte.ts) against a scripted ResetApi: which call goes out
// with what, what the screens then show, and what is never kept. Compiled with Svelte's client runtime
// (vitest.config.ts, project `renderer`), so $derived follows $state as in the browser.
import { describe, expect, it } from 'vitest';
import type { Failure, Method, ResetApi } from '../../../src-main/core/contract.js';
import { Wizard } from '../../../src-renderer/wizard.svelte.js';

const SESSION = 'a'.repeat(32);
const INFO = {
  ok: true,
  organisation: 'Pantein',
  servicedesk: { name: 'Servicedesk ICT', phone: '0485 – 845 900', email: 'sd@pantein.nl' },
  defaultLang: 'nl',
  idleSeconds: 90,
  codeIdleSeconds: 300,
  doneSeconds: 25,
  minLength: 8,
  demo: true,
  mobileRegistration: {
    nl: 'in de app → Mijn gegevens → Zakelijk mobiel',
    en: 'in the app → Mijn gegevens → Zakelijk mobiel',
  },
  channelName: { nl: 'de SMSPasscode app', en: 'the SMSPasscode app' },
} as const;
const ANSWERS: Record<Method, unknown> = {
  info: INFO,
  start: { ok: true, sessionId: SESSION, step: 'identity' },
  verifyIdentity: { ok: true, step: 'code', maskedMobile: '•• 78', resendAfterSeconds: 30, codeValidSeconds: 300 },
  resendCode: { ok: true, step: 'code', maskedMobile: '•• 78', resendAfterSeconds: 30, codeValidSeconds: 300 },
  verifyCode: { ok: true, step: 'password', forbiddenWords: ['anna', 'janssen'] },
  setPassword: { ok: true, step: 'done', applications: ['Topdesk'] },
  unlock: { ok: true, step: 'unlocked' },
  cancel: { ok: true },
};

/** A ResetApi that answers from ANSWERS unless a test queues another answer; it records every call. */
function fakeApi() {
  const calls: [Method, unknown][] = [];
  const next: Partial<Record<Method, unknown[]>> = {};
  const api = Object.fromEntries(
    (Object.keys(ANSWERS) as Method[]).map((m) => [
      m,
      (req: unknown) => (calls.push([m, req]), Promise.resolve(next[m]?.shift() ?? ANSWERS[m])),
    ]),
  ) as unknown as ResetApi;
  const queue = (m: Method, answer: unknown) => (next[m] ??= []).push(answer);
  const fail = (m: Method, f: Omit<Failure, 'ok'>) => queue(m, { ok: false, ...f });
  return { api, calls, queue, fail, sent: (m: Method) => calls.filter(([c]) => c === m).map(([, r]) => r) };
}

async function at(step: 'birthdate' | 'code' | 'password' | 'done', host: 'kiosk' | 'web' = 'web') {
  const fake = fakeApi();
  const signals: string[] = [];
  const w = new Wizard(fake.api, host, (s) => signals.push(s));
  await w.load();
  await w.start('  A.Janssen ');
  if (step !== 'birthdate') await w.verifyIdentity('01-10-1984');
  if (step === 'password' || step === 'done') await w.verifyCode('123456');
  if (step === 'done') await w.setPassword('Tulp#123Zon', 'Tulp#123Zon');
  return { w, signals, ...fake };
}

describe('Wizard', () => {
  it('loads info(), names the step in the title, and is offline when the service does not answer', async () => {
    const { api, fail } = fakeApi();
    const w = new Wizard(api);
    expect(w.title).toBe('Wachtwoord vergeten');
    fail('info', { code: 'unavailable' });
    await w.load();
    expect(w.step).toBe('offline');
    await w.load();
    expect(w.step).toBe('username');
    expect(w.title).toBe('Gebruikersnaam (stap 1 van 4) – Pantein · Wachtwoord vergeten');
    w.setLang('en');
    expect(w.title).toBe('Username (step 1 of 4) – Pantein · Forgot password');
  });

  it('walks the four steps, sending the session id it never shows', async () => {
    const { w, sent } = await at('done');
    expect(sent('start')).toEqual([{ username: '  A.Janssen ', lang: 'nl', purpose: 'reset' }]);
    expect(sent('verifyIdentity')).toEqual([{ sessionId: SESSION, birthdate: '01-10-1984' }]);
    expect(sent('setPassword')).toEqual([{ sessionId: SESSION, password: 'Tulp#123Zon', repeat: 'Tulp#123Zon' }]);
    expect(w.step).toBe('done');
    expect(w.applications).toEqual(['Topdesk']);
  });

  it('waits longer on the code step and tells where the code arrives', async () => {
    const { w } = await at('code');
    expect(w.username).toBe('A.Janssen');
    expect(w.idleSeconds).toBe(300);
    expect(w.channel).toBe('de SMSPasscode app');
    expect(w.resendAt).toBeGreaterThan(Date.now() + 29_000);
    await w.verifyCode('123456');
    expect(w.idleSeconds).toBe(90);
  });

  it('gives an error text everything it needs: tries left, whose limit, the registration path, the number, the host', async () => {
    const { w, fail } = await at('birthdate', 'kiosk');
    fail('verifyIdentity', { code: 'identity_failed', attemptsLeft: 1 });
    await w.verifyIdentity('02-10-1984');
    expect(w.step).toBe('birthdate');
    expect(w.title).toMatch(/^Fout: Geboortedatum/);
    const text = w.t.errors.identity_failed(w.errorValues(w.error!));
    expect(text.more).toEqual({
      summary: 'Je nummer goed zetten',
      text: 'Zet je nummer in de app → Mijn gegevens → Zakelijk mobiel.',
    });
    // Both causes as equals; a right date is not to be repeated; the number to call is in the message itself.
    expect(text.lines[0]).toBe('Een typfout in je naam of datum? Of je mobiele nummer staat niet goed.');
    expect(text.lines[1]).toBe('Klopt alles? Probeer het dan niet opnieuw. Bel 0485 – 845 900.');
    expect(text.lines.at(-1)).toMatch(/^Let op: nog 1 poging/);
    fail('verifyIdentity', { code: 'blocked', limit: 'client', retryAfterSeconds: 3600 });
    await w.verifyIdentity('02-10-1984');
    expect(w.t.errors.blocked(w.errorValues(w.error!))).toEqual({
      title: 'Te veel pogingen op deze computer.',
      lines: [
        'Het kan weer over 1 uur, of gebruik een andere computer.',
        'Eerder nodig? Bel de servicedesk: 0485 – 845 900.',
      ],
    });
  });

  it('a spent code can be replaced at once; a too-early resend says until when', async () => {
    const { w, fail } = await at('code');
    fail('verifyCode', { code: 'code_attempts_exceeded' });
    await w.verifyCode('000000');
    expect(w.resendAt).toBe(0);
    fail('resendCode', { code: 'resend_too_soon', retryAfterSeconds: 12 });
    await w.resendCode();
    expect(w.resendAt).toBeGreaterThan(Date.now() + 11_000);
    await w.resendCode();
    expect(w.resent).toBe(true);
  });

  it("a refused password keeps the server's verdict and names the failing rules", async () => {
    const { w, fail } = await at('password');
    expect(w.forbiddenWords).toEqual(['anna', 'janssen']);
    const rules = [
      { id: 'length', ok: true },
      { id: 'digit', ok: false },
      { id: 'history', ok: null },
    ] as const;
    fail('setPassword', { code: 'password_policy', rules: [...rules] });
    await w.setPassword('Tulp#abcZon', 'Tulp#abcZon');
    expect(w.serverRules).toEqual(rules);
    expect(w.errorValues(w.error!).failing).toEqual(['Minimaal 1 cijfer']);
  });

  it('Annuleren later on cancels the session and keeps the language; on the first step it leaves', async () => {
    const { w, sent, signals } = await at('birthdate', 'kiosk');
    w.setLang('en');
    await w.cancel();
    expect(sent('cancel')).toEqual([{ sessionId: SESSION }]);
    expect([w.step, w.lang, w.username, signals]).toEqual(['username', 'en', '', []]);
    await w.cancel(); // the first step, in the kiosk: "the person leaves" for main (kiosk-signal.ts)
    expect(sent('cancel')).toEqual([{ sessionId: SESSION }]); // no call: the session was already cancelled
    expect(signals).toEqual(['end/left']);
    expect(w.lang).toBe('nl');
  });

  it('the unlock-only choice: three steps, the unlock right after the code (retried by Volgende), its own title', async () => {
    const { api, sent, queue, fail } = fakeApi();
    const signals: string[] = [];
    const w = new Wizard(api, 'kiosk', (s) => signals.push(s));
    await w.load();
    w.choose('unlock');
    expect([w.stepsTotal, w.title]).toEqual([3, 'Gebruikersnaam (stap 1 van 3) – Pantein · Wachtwoord vergeten']);
    await w.start('M.Bakker');
    expect(sent('start')).toEqual([{ username: 'M.Bakker', lang: 'nl', purpose: 'unlock' }]);
    await w.verifyIdentity('23-07-1990');
    queue('verifyCode', { ok: true, step: 'unlock' });
    fail('unlock', { code: 'unavailable' });
    await w.verifyCode('123456');
    expect([w.step, w.error?.code]).toEqual(['code', 'unavailable']);
    await w.verifyCode('123456'); // Volgende again: the unlock, not a second code check
    expect([sent('verifyCode').length, sent('unlock').length]).toEqual([1, 2]);
    expect([w.step, w.title]).toEqual(['done', 'Je account is ontgrendeld – Pantein · Wachtwoord vergeten']);
    await w.leave(); // the kiosk's "Afsluiten": main logs off; the next person starts at the first choice
    expect([w.purpose, sent('cancel'), signals]).toEqual(['reset', [], ['end/left']]);
  });

  it('on the web, leaving only goes back to the start (no call, no signal)', async () => {
    const { w, sent, signals } = await at('done', 'web');
    await w.leave();
    expect([sent('cancel'), signals]).toEqual([[], []]);
    expect(w.step).toBe('username');
  });

  it("the kiosk's success screen button leaves with the end/left signal, and makes no call", async () => {
    const { w, sent, signals } = await at('done', 'kiosk');
    await w.leave();
    expect([sent('cancel'), signals]).toEqual([[], ['end/left']]);
  });

  it('idle wipes in the default language, cancels the session and says why', async () => {
    const { w, sent } = await at('code');
    w.setLang('en');
    expect(w.hasSomethingToWipe).toBe(true);
    const generation = w.generation;
    await w.idle();
    expect([w.step, w.lang, w.notice, w.generation]).toEqual(['username', 'nl', 'idle', generation + 1]);
    expect(sent('cancel')).toEqual([{ sessionId: SESSION }]);
    expect(w.hasSomethingToWipe).toBe(false); // an empty start screen is left alone
    w.username = 'M';
    expect(w.hasSomethingToWipe).toBe(true);
    await w.start('M.Bakker');
    expect(w.notice).toBeNull();
  });

  it('a lost session starts over and says why; a late answer after a wipe is ignored', async () => {
    const { w, fail } = await at('code');
    fail('verifyCode', { code: 'session_expired' });
    await w.verifyCode('123456');
    expect([w.step, w.error?.code]).toEqual(['username', 'session_expired']);

    const slow = fakeApi();
    let release!: () => void;
    slow.api.start = () => new Promise((r) => (release = () => r({ ok: true, sessionId: SESSION, step: 'identity' })));
    const w2 = new Wizard(slow.api);
    await w2.load();
    const pending = w2.start('A.Janssen');
    await w2.start('A.Janssen'); // a double Enter sends once
    await w2.idle();
    release();
    await pending;
    expect(w2.step).toBe('username');
  });
});
