// The one API contract shared by the core, the web host, the Electron preload/main and the renderer: the method
// list and its types, free of zod so the renderer and the bundled preload import it at run time without pulling
// zod in. The schemas that validate requests at every boundary are in schemas.ts (checked against these types).

export const LANGS = ['nl', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** The methods, in wizard order: every per-method map (preload, IPC, fetch client, fault barrier) derives from it. */
export const METHODS = [
  'info',
  'start',
  'verifyIdentity',
  'resendCode',
  'verifyCode',
  'setPassword',
  'unlock',
  'cancel',
] as const;

/**
 * What a session is for: a new password (`reset`, the default) or only lifting an AD lockout (`unlock`: the same
 * username → birthdate → code steps and budgets, then `unlock` instead of `setPassword`; Entra SSPR, ADSelfService
 * Plus and Specops uReset offer the same).
 */
export const PURPOSES = ['reset', 'unlock'] as const;
export type Purpose = (typeof PURPOSES)[number];
export type Method = (typeof METHODS)[number];

type SessionRef = { sessionId: string };
export type Requests = {
  info: Record<never, never>;
  start: { username: string; lang?: Lang | undefined; purpose?: Purpose | undefined };
  verifyIdentity: SessionRef & { birthdate: string };
  resendCode: SessionRef;
  verifyCode: SessionRef & { code: string };
  setPassword: SessionRef & { password: string; repeat: string };
  unlock: SessionRef;
  /** Without a session: nothing to cancel, the person leaves (first step, success screen); the kiosk ends its session. */
  cancel: Partial<SessionRef>;
};
export type Request<M extends Method> = Requests[M];

/** Every failure the user can meet. Each maps to a Dutch and an English message in src-renderer/i18n. */
export const ERROR_CODES = [
  'invalid_request', // malformed call (never reached through the wizard)
  'username_required',
  'birthdate_format', // not a possible dd-mm-jjjj date
  'identity_failed', // unknown user, wrong birthdate, no/invalid mobile, disabled: one answer (no enumeration); attemptsLeft
  'blocked', // too many attempts for this typed name or this kiosk (`limit`), for retryAfterSeconds
  'identity_in_progress', // a second birthdate submit while the first is still being checked
  'session_expired',
  'code_format',
  'code_wrong', // attemptsLeft says how many tries remain for this code
  'code_expired',
  'code_attempts_exceeded', // 3 wrong tries: ask for a new code
  'resend_too_soon', // retryAfterSeconds
  'sms_limit', // the SMS budget of this user, this kiosk or the installation (`limit`) is used up, for retryAfterSeconds
  'sms_failed', // provider refused or timed out; nothing was consumed twice
  'password_policy', // rules says which ones fail
  'password_mismatch',
  'password_rejected', // the directory refused it (domain policy); rules are shown again
  'password_in_progress', // a second submit while the first is still being written
  'reset_uncertain', // sent to the directory but no answer came: it may have been applied; try the new password
  'unavailable', // directory or provider down: nothing changed, try later
  'internal', // a bug or unexpected fault; correlationId is in the admin log
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const RULE_IDS = ['length', 'upper', 'digit', 'punctuation', 'names', 'history', 'banned'] as const;
export type RuleId = (typeof RULE_IDS)[number];
/** `null` = cannot be judged here (history: only the directory knows; banned: the list lives on the server). */
export type RuleResult = { id: RuleId; ok: boolean | null };

/**
 * Whose budget a `blocked` or `sms_limit` refers to: the typed name (`user`), this kiosk or address (`client`), or
 * the whole installation (`all`). A typed name is counted whether or not it is an account, so `user` reveals nothing.
 */
export const LIMIT_SCOPES = ['user', 'client', 'all'] as const;
export type LimitScope = (typeof LIMIT_SCOPES)[number];

/** The rules for this user's new password: the stricter of the config and the directory (domain policy or PSO). */
export type PasswordPolicy = {
  minLength: number;
  /** AD complexity: 3 of 5 character kinds, and the account name must not occur. */
  complexity: boolean;
  /** How many previous passwords are refused; 0 = no history rule. */
  history: number;
  /** Whether the directory really checks history on this reset (AD with policy hints, the demo); else not promised. */
  historyChecked: boolean;
  /** The banned-password rule is on (judged by the server when the user presses Volgende). */
  banned: boolean;
};

export type Failure = {
  ok: false;
  code: ErrorCode;
  /**
   * code_wrong: tries left for this code. identity_failed: tries left for the typed name — counted per typed name
   * only, never from an account's own budget, so it is the same for an unknown name and a known one.
   */
  attemptsLeft?: number;
  limit?: LimitScope;
  retryAfterSeconds?: number;
  rules?: RuleResult[];
  correlationId?: string;
};
type Ok<T> = { ok: true } & T;
export type Result<T> = Ok<T> | Failure;

/** `outOfHours`: who helps when the servicedesk is closed (per language), shown once under its hours. */
export type Servicedesk = {
  name: string;
  phone: string;
  email: string;
  hours?: string;
  outOfHours?: Record<Lang, string>;
};

export type InfoResponse = Result<{
  organisation: string;
  servicedesk: Servicedesk;
  defaultLang: Lang;
  idleSeconds: number;
  /** The success screen's countdown back to the start (the kiosk's own setting in local mode). */
  doneSeconds: number;
  minLength: number;
  demo: boolean;
  /** Where staff register their mobile number (the manual: app or web portal → Mijn gegevens → Zakelijk mobiel). */
  mobileRegistration: Record<Lang, string>;
  /** Idle limit on the code step: the nurse may be fetching her phone (at least the code's validity). */
  codeIdleSeconds: number;
  /** Where the code arrives, as in "via …": "sms", or the manual's "de SMSPasscode app". */
  channelName: Record<Lang, string>;
}>;
export type StartResponse = Result<{ sessionId: string; step: 'identity' }>;
export type CodeSentResponse = Result<{
  step: 'code';
  maskedMobile: string;
  resendAfterSeconds: number;
  codeValidSeconds: number;
}>;
export type VerifyCodeResponse = Result<
  | {
      step: 'password';
      /** The user's own name parts, so the live checklist can show the "names" rule; the server still decides. */
      forbiddenWords: string[];
      /** This user's rules (info().minLength is only the config's global minimum). */
      policy: PasswordPolicy;
    }
  /** An unlock session: call `unlock` next. */
  | { step: 'unlock' }
>;
export type SetPasswordResponse = Result<{ step: 'done'; applications: string[] }>;
/** The lockout is cleared; the password is what it was. */
export type UnlockResponse = Result<{ step: 'unlocked' }>;
export type CancelResponse = Result<Record<never, never>>;

export type Responses = {
  info: InfoResponse;
  start: StartResponse;
  verifyIdentity: CodeSentResponse;
  resendCode: CodeSentResponse;
  verifyCode: VerifyCodeResponse;
  setPassword: SetPasswordResponse;
  unlock: UnlockResponse;
  cancel: CancelResponse;
};

/** What the renderer calls: `window.resetKiosk` in Electron, a fetch client in a browser. */
export type ResetApi = Forwarders<[]>;

/** Who is calling, filled in by the host (never by the renderer): used for per-client throttles and audit. */
export type ClientContext = { clientId: string };

/** The core's view: the same methods plus the host-supplied client context. */
export type ResetService = Forwarders<[client: ClientContext]>;

/** One value per method: the one place that loops over METHODS (channel names, IPC handlers …). */
export function mapMethods<V>(make: (method: Method) => V): Record<Method, V> {
  return Object.fromEntries(METHODS.map((m) => [m, make(m)])) as Record<Method, V>;
}

/** A function per method that forwards that method's request (and what the host adds) and returns its answer. */
export type Forwarders<Extra extends unknown[]> = {
  [M in Method]: (req: Request<M>, ...extra: Extra) => Promise<Responses[M]>;
};

/**
 * Builds ResetApi (`Extra` = []) or ResetService (`Extra` = [ClientContext]) from one wrapper that forwards
 * requests untouched — the fault barrier, the preload, the fetch client. Forwarding keeps each method's types,
 * which TypeScript cannot follow through a loop: this is the one cast for all of them.
 */
export function forwardEach<Extra extends unknown[] = []>(
  make: (method: Method) => (req: never, ...extra: Extra) => Promise<unknown>,
): Forwarders<Extra> {
  return mapMethods(make) as unknown as Forwarders<Extra>;
}

export const isMethod = (name: string): name is Method => (METHODS as readonly string[]).includes(name);

export const fail = (code: ErrorCode, extra: Omit<Failure, 'ok' | 'code'> = {}): Failure => ({
  ok: false,
  code,
  ...extra,
});
