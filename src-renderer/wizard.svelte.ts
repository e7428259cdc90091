// The wizard's shared state and the calls that move it forward. The server owns the real state machine
// (src-main/core); this class only mirrors what the screens need and never keeps a secret: the birthdate,
// code and passwords live in the step components' fields and vanish when a step is left or wiped.
// The steps read it from context (useWizard) and call its methods: one way in, no props copied from it.
import { createContext } from 'svelte';
import type {
  Failure,
  InfoResponse,
  Lang,
  PasswordPolicy,
  Purpose,
  ResetApi,
  Result,
  RuleId,
  RuleResult,
} from '../src-main/core/contract.js';
import type { KioskSignal } from '../src-main/core/kiosk-signal.js';
import { messagesFor, type ErrorValues, type Host } from './i18n/index.js';

export type Step = 'loading' | 'offline' | 'username' | 'birthdate' | 'code' | 'password' | 'done';
export type Info = Extract<InfoResponse, { ok: true }>;
/** Why the start screen is empty, told to whoever comes back to it. */
export type Notice = 'idle' | null;

const STEP_NUMBER: Partial<Record<Step, number>> = { username: 1, birthdate: 2, code: 3, password: 4 };

export class Wizard {
  info = $state<Info | null>(null);
  lang = $state<Lang>('nl');
  step = $state<Step>('loading');
  /** A new password (`reset`) or only lifting a lockout (`unlock`): the start screen's two choices. */
  purpose = $state<Purpose>('reset');
  busy = $state(false);
  error = $state<Failure | null>(null);
  notice = $state<Notice>(null);
  /** Bumped on every wipe: App re-mounts the step under `{#key}`, so typed values are gone too. */
  generation = $state(0);
  /** As typed on the first step (not a secret), shown on the birthdate step so a typo can be spotted. */
  username = $state('');
  maskedMobile = $state('');
  /** Epoch ms after which a new code may be requested (0: now). */
  resendAt = $state(0);
  /** How long a code stays valid, in minutes (the server's codeTtlSeconds). */
  codeValidMinutes = $state(5);
  resent = $state(false);
  forbiddenWords = $state<string[]>([]);
  /** This user's rules from the server (the directory may ask more than the config: a PSO). */
  policy = $state<PasswordPolicy | null>(null);
  /** The server's verdict on the last submitted password (includes `history`), until the user types again. */
  serverRules = $state<RuleResult[] | null>(null);
  applications = $state<string[]>([]);

  readonly t = $derived(messagesFor(this.lang));
  /** The code step waits longer: the nurse may be fetching her phone from her locker (resolved by the server). */
  get idleSeconds(): number {
    return this.step === 'code' ? this.loaded.codeIdleSeconds : this.loaded.idleSeconds;
  }
  get doneSeconds(): number {
    return this.loaded.doneSeconds;
  }
  get minLength(): number {
    return this.policy?.minLength ?? this.loaded.minLength;
  }
  /** Where the code arrives, as in "via …". */
  readonly channel = $derived(this.info?.channelName[this.lang] ?? 'sms');
  readonly stepNumber = $derived(STEP_NUMBER[this.step]);
  /** Four input steps for a reset, three for an unlock (no password). */
  readonly stepsTotal = $derived(this.purpose === 'unlock' ? 3 : 4);
  /** Whether a passer-by could see something of someone: only then does the idle watch warn and wipe. */
  readonly hasSomethingToWipe = $derived(
    this.step === 'birthdate' ||
      this.step === 'code' ||
      this.step === 'password' ||
      (this.step === 'username' && (this.username !== '' || this.error !== null)),
  );
  readonly title = $derived.by(() => {
    if (this.step === 'loading') return this.t.product;
    const n = this.stepNumber;
    const name =
      this.step === 'done' && this.purpose === 'unlock' ? this.t.unlock.doneHeading : this.t.titles[this.step];
    const part = n ? `${name} (${this.t.stepOf(n, this.stepsTotal).toLowerCase()})` : name;
    return this.t.pageTitle(part, this.info?.organisation, this.error !== null);
  });

  // Not reactive and never rendered: the session id only travels back to the service.
  #sessionId: string | null = null;
  #codeAccepted = false;

  constructor(
    private readonly api: ResetApi,
    /** The kiosk (window.resetKiosk, or the kiosk's user agent in central mode) or a browser: leaving, the success screen and some texts differ. */
    readonly host: Host = 'web',
    /** Tells the kiosk's main process that the person leaves (kiosk-signal.ts); App sends the step signals. */
    private readonly signal: (signal: KioskSignal) => void = () => {},
  ) {}

  /** info() as the server answered it: every step after 'loading' comes after it, so its values need no fallbacks here. */
  private get loaded(): Info {
    if (!this.info) throw new Error('wizard: info() has not answered yet');
    return this.info;
  }

  async load(notice: Notice = null): Promise<void> {
    this.step = 'loading';
    const res = await this.api.info({});
    if (!res.ok) {
      this.error = res;
      this.step = 'offline';
      return;
    }
    this.info = res;
    this.lang = res.defaultLang;
    this.error = null;
    this.notice = notice;
    this.step = 'username';
  }

  setLang(lang: Lang): void {
    this.lang = lang;
  }

  /** The text of one password rule, as the checklist and a refusal name it (with this user's numbers). */
  ruleText(id: RuleId): string {
    return this.t.rules[id](id === 'history' ? (this.policy?.history ?? 5) : this.minLength);
  }

  /** What an error's text needs from the answer, info() and the host. */
  errorValues(error: Failure): ErrorValues {
    const { attemptsLeft, retryAfterSeconds, limit, rules } = error;
    const failing = rules?.filter((r) => r.ok === false).map((r) => this.ruleText(r.id));
    const phone = this.info?.servicedesk.phone ?? '';
    return {
      host: this.host,
      attemptsLeft,
      retryAfterSeconds,
      limit,
      failing,
      channel: this.channel,
      phone,
      mobileRegistration: this.info?.mobileRegistration[this.lang],
    };
  }

  /** An answer the page gives itself (e.g. a password the live checklist refuses): no server check is spent. */
  refuse(error: Failure): void {
    this.error = error;
  }

  /** The start screen's second choice, and back. */
  choose(purpose: Purpose): void {
    this.purpose = purpose;
    this.error = null;
  }

  start(username: string): Promise<void> {
    return this.#call(
      () => this.api.start({ username, lang: this.lang, purpose: this.purpose }),
      (res) => {
        this.#sessionId = res.sessionId;
        this.username = username.trim();
        this.#go('birthdate');
      },
    );
  }

  verifyIdentity(birthdate: string): Promise<void> {
    return this.#call(
      () => this.api.verifyIdentity({ sessionId: this.#session(), birthdate }),
      (res) => {
        this.#codeSent(res.maskedMobile, res.resendAfterSeconds, res.codeValidSeconds);
        this.#go('code');
      },
    );
  }

  resendCode(): Promise<void> {
    return this.#call(
      () => this.api.resendCode({ sessionId: this.#session() }),
      (res) => {
        this.#codeSent(res.maskedMobile, res.resendAfterSeconds, res.codeValidSeconds);
        this.resent = true;
      },
      (fail) => {
        if (fail.code === 'resend_too_soon' && fail.retryAfterSeconds)
          this.resendAt = Date.now() + fail.retryAfterSeconds * 1000;
      },
    );
  }

  verifyCode(code: string): Promise<void> {
    // The code was accepted but the unlock itself failed (e.g. `unavailable`): Volgende tries the unlock again.
    if (this.#codeAccepted) return this.#unlock();
    return this.#call(
      () => this.api.verifyCode({ sessionId: this.#session(), code }),
      (res) => {
        if (res.step === 'unlock') {
          this.#codeAccepted = true;
          return this.#unlock(); // awaited: the step sees the unlock's own answer
        }
        this.forbiddenWords = res.forbiddenWords;
        this.policy = res.policy;
        this.#go('password');
      },
      // A spent or expired code is replaced at once by the server (within the SMS budget): no wait to show.
      (fail) => {
        if (fail.code === 'code_attempts_exceeded' || fail.code === 'code_expired') this.resendAt = 0;
      },
    );
  }

  /** Right after the code of an unlock session: nothing more to type. */
  #unlock(): Promise<void> {
    return this.#call(
      () => this.api.unlock({ sessionId: this.#session() }),
      () => {
        this.#sessionId = null; // the server wiped it
        this.#go('done');
      },
    );
  }

  setPassword(password: string, repeat: string): Promise<void> {
    return this.#call(
      () => this.api.setPassword({ sessionId: this.#session(), password, repeat }),
      (res) => {
        this.applications = res.applications;
        this.#sessionId = null; // the server wiped it
        this.#go('done');
      },
      (fail) => (this.serverRules = fail.rules ?? null),
    );
  }

  /** Annuleren: on the first step the person leaves; later, back to an empty first step (e.g. a typo in the name). */
  cancel(): Promise<void> {
    return this.step === 'username' ? this.leave() : this.#end(true, null);
  }

  /**
   * The person is done here (Annuleren on the first step, the success screen's button). In the kiosk the signal
   * `end/left` tells main to end the Windows session (kiosk-signal.ts); a browser goes back to the start.
   */
  async leave(): Promise<void> {
    const kiosk = this.host === 'kiosk';
    await this.#end(!kiosk, null);
    if (kiosk) this.signal('end/left');
  }

  /**
   * Someone is still at the success screen (a key, a tap, the mouse): in the kiosk, main starts its doneSeconds
   * again — it restarts on every `end/done` (electron/session/lifecycle.ts), and `step/other` in between makes the
   * fragment new without ending anything.
   */
  stillHere(): void {
    if (this.host !== 'kiosk' || this.step !== 'done') return;
    this.signal('step/other');
    this.signal('end/done');
  }

  /** Nobody touched the screen for idleSeconds: wipe, in the default language, and say why on the start screen. */
  idle(): Promise<void> {
    return this.#end(false, 'idle');
  }

  /** The success screen's time is up (or "Terug naar het begin" on the web): ready for the next person. */
  finish(): Promise<void> {
    return this.#end(false, null);
  }

  async #end(keepLang: boolean, notice: Notice): Promise<void> {
    const sessionId = this.#sessionId;
    this.wipe(null, keepLang);
    this.notice = notice;
    if (sessionId) await this.api.cancel({ sessionId });
  }

  /** Back to an empty first step. */
  wipe(error: Failure | null = null, keepLang = true): void {
    this.#sessionId = null;
    this.#codeAccepted = false;
    this.generation++;
    this.busy = false;
    this.error = error;
    this.notice = null;
    this.username = '';
    this.maskedMobile = '';
    this.resendAt = 0;
    this.resent = false;
    this.forbiddenWords = [];
    this.policy = null;
    this.serverRules = null;
    this.applications = [];
    this.purpose = 'reset';
    if (!this.info) return;
    if (!keepLang) this.lang = this.info.defaultLang;
    this.step = 'username';
  }

  #go(step: Step): void {
    this.notice = null;
    this.step = step;
  }

  #session(): string {
    return this.#sessionId ?? '';
  }

  #codeSent(maskedMobile: string, resendAfterSeconds: number, codeValidSeconds: number): void {
    this.maskedMobile = maskedMobile;
    this.codeValidMinutes = Math.max(1, Math.round(codeValidSeconds / 60));
    this.resendAt = Date.now() + resendAfterSeconds * 1000;
  }

  /** One round trip: busy while waiting, the answer ignored if the wizard was wiped meanwhile. */
  async #call<T>(
    send: () => Promise<Result<T>>,
    onOk: (res: T) => void | Promise<void>,
    onFail?: (f: Failure) => void,
  ): Promise<void> {
    if (this.busy) return; // a double Enter must not send twice
    const generation = this.generation;
    this.busy = true;
    this.error = null;
    this.resent = false;
    const res = await send();
    if (generation !== this.generation) return;
    this.busy = false;
    if (res.ok) return onOk(res);
    // A lost session cannot be continued: start over, and say why on the first step.
    if (res.code === 'session_expired') return this.wipe(res);
    this.error = res;
    onFail?.(res);
  }
}

export const [useWizard, provideWizard] = createContext<Wizard>();
