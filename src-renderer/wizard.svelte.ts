// The wizard's shared state and the calls that move it forward. The server owns the real state machine
// (src-main/core); this class only mirrors what the screens need and never keeps a secret: the birthdate,
// code and passwords live in the step components' fields and vanish when a step is left or wiped.
import { createContext } from 'svelte';
import type { Failure, InfoResponse, Lang, PasswordPolicy, Purpose, ResetApi, Result, RuleResult } from '../src-main/core/contract.js';
import { messagesFor } from './i18n/index.js';

export type Step = 'loading' | 'offline' | 'username' | 'birthdate' | 'code' | 'password' | 'done';
export type Info = Extract<InfoResponse, { ok: true }>;

/** How long the success screen stays before the kiosk is ready for the next person (DESIGN.md flow, step 5). */
export const DONE_SECONDS = 20;

export class Wizard {
  info = $state<Info | null>(null);
  lang = $state<Lang>('nl');
  step = $state<Step>('loading');
  /** A new password (`reset`) or only lifting a lockout (`unlock`): the start screen's two choices. */
  purpose = $state<Purpose>('reset');
  busy = $state(false);
  error = $state<Failure | null>(null);
  /** Bumped on every wipe: App re-mounts the step under `{#key}`, so typed values are gone too. */
  generation = $state(0);
  /** As typed, shown on the birthdate step so a typo can be spotted (and fixed with Annuleren). */
  username = $state('');
  maskedMobile = $state('');
  /** Epoch ms after which a new code may be requested. */
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
  readonly idleSeconds = $derived(this.info?.idleSeconds ?? 90);
  readonly minLength = $derived(this.policy?.minLength ?? this.info?.minLength ?? 8);

  // Not reactive and never rendered: the session id only travels back to the service.
  #sessionId: string | null = null;
  #codeAccepted = false;

  constructor(private readonly api: ResetApi) {}

  async load(): Promise<void> {
    this.step = 'loading';
    const res = await this.api.info({});
    if (!res.ok) {
      this.error = res;
      this.step = 'offline';
      return;
    }
    this.info = res;
    this.lang = res.defaultLang;
    this.step = 'username';
    this.error = null;
  }

  setLang(lang: Lang): void {
    this.lang = lang;
  }

  /** The start screen's second choice, and back. */
  choose(purpose: Purpose): void {
    this.purpose = purpose;
    this.error = null;
  }

  start(username: string): Promise<void> {
    return this.#call(() => this.api.start({ username, lang: this.lang, purpose: this.purpose }), (res) => {
      this.#sessionId = res.sessionId;
      this.username = username.trim();
      this.step = 'birthdate';
    });
  }

  verifyIdentity(birthdate: string): Promise<void> {
    return this.#call(() => this.api.verifyIdentity({ sessionId: this.#session(), birthdate }), (res) => {
      this.#codeSent(res.maskedMobile, res.resendAfterSeconds, res.codeValidSeconds);
      this.step = 'code';
    });
  }

  resendCode(): Promise<void> {
    return this.#call(() => this.api.resendCode({ sessionId: this.#session() }), (res) => {
      this.#codeSent(res.maskedMobile, res.resendAfterSeconds, res.codeValidSeconds);
      this.resent = true;
    });
  }

  verifyCode(code: string): Promise<void> {
    // The code was accepted but the unlock itself failed (e.g. `unavailable`): Volgende tries the unlock again.
    if (this.#codeAccepted) return this.#unlock();
    return this.#call(() => this.api.verifyCode({ sessionId: this.#session(), code }), (res) => {
      if (res.step === 'unlock') {
        this.#codeAccepted = true;
        return void this.#unlock();
      }
      this.forbiddenWords = res.forbiddenWords;
      this.policy = res.policy;
      this.step = 'password';
    });
  }

  /** Right after the code of an unlock session: nothing more to type. */
  #unlock(): Promise<void> {
    return this.#call(() => this.api.unlock({ sessionId: this.#session() }), () => {
      this.#sessionId = null; // the server wiped it
      this.step = 'done';
    });
  }

  setPassword(password: string, repeat: string): Promise<void> {
    return this.#call(
      () => this.api.setPassword({ sessionId: this.#session(), password, repeat }),
      (res) => {
        this.applications = res.applications;
        this.#sessionId = null; // the server wiped it
        this.step = 'done';
      },
      (fail) => (this.serverRules = fail.rules ?? null),
    );
  }

  /** The cancel button: tell the server (best effort), then wipe everything but the chosen language. */
  cancel(): Promise<void> {
    return this.#end(true);
  }

  /** Idle timeout and the end of the success screen: the next person starts clean, in the default language. */
  timeout(): Promise<void> {
    return this.#end(false);
  }

  async #end(keepLang: boolean): Promise<void> {
    const sessionId = this.#sessionId;
    this.wipe(null, keepLang);
    if (sessionId) await this.api.cancel({ sessionId });
  }

  /** Back to an empty first step. */
  wipe(error: Failure | null = null, keepLang = true): void {
    this.#sessionId = null;
    this.#codeAccepted = false;
    this.generation++;
    this.busy = false;
    this.error = error;
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

  #session(): string {
    return this.#sessionId ?? '';
  }

  #codeSent(maskedMobile: string, resendAfterSeconds: number, codeValidSeconds: number): void {
    this.maskedMobile = maskedMobile;
    this.codeValidMinutes = Math.max(1, Math.round(codeValidSeconds / 60));
    this.resendAt = Date.now() + resendAfterSeconds * 1000;
  }

  /** One round trip: busy while waiting, the answer ignored if the wizard was wiped meanwhile. */
  async #call<T>(send: () => Promise<Result<T>>, onOk: (res: T) => void, onFail?: (f: Failure) => void): Promise<void> {
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
