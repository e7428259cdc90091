// The one API contract shared by the core, the web host, the Electron preload/main and the renderer.
// Requests are validated with these schemas at every boundary (HTTP body, IPC argument); the renderer
// imports the types only (`import type`), so zod never reaches the wizard bundle.
import { z } from 'zod';

export const LANGS = ['nl', 'en'] as const;
export type Lang = (typeof LANGS)[number];

// Generous upper bounds: enough for any real input, small enough to keep hostile input cheap.
const sessionId = z.string().regex(/^[0-9a-f]{32}$/);
const lang = z.enum(LANGS);

export const schemas = {
  info: z.object({}).strict(),
  start: z.object({ username: z.string().max(256), lang: lang.optional() }).strict(),
  verifyIdentity: z.object({ sessionId, birthdate: z.string().max(64) }).strict(),
  resendCode: z.object({ sessionId }).strict(),
  verifyCode: z.object({ sessionId, code: z.string().max(64) }).strict(),
  setPassword: z.object({ sessionId, password: z.string().max(256), repeat: z.string().max(256) }).strict(),
  cancel: z.object({ sessionId }).strict(),
} as const;

export type Method = keyof typeof schemas;
export const METHODS = Object.keys(schemas) as Method[];
export type Request<M extends Method> = z.infer<(typeof schemas)[M]>;

/** Every failure the user can meet. Each maps to a Dutch and an English message in src-renderer/i18n. */
export const ERROR_CODES = [
  'invalid_request', // malformed call (never reached through the wizard)
  'username_required',
  'birthdate_format', // not a possible dd-mm-jjjj date
  'identity_failed', // unknown user, wrong birthdate, no/invalid mobile, disabled: one answer (no enumeration)
  'blocked', // too many attempts for this user or this kiosk; try tomorrow or call the servicedesk
  'session_expired',
  'code_format',
  'code_wrong', // attemptsLeft says how many tries remain for this code
  'code_expired',
  'code_attempts_exceeded', // 3 wrong tries: ask for a new code
  'resend_too_soon', // retryAfterSeconds
  'sms_limit', // daily SMS budget for this user (or kiosk) is used up
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

export const RULE_IDS = ['length', 'upper', 'digit', 'punctuation', 'names', 'history'] as const;
export type RuleId = (typeof RULE_IDS)[number];
/** `null` = cannot be judged here (history is only known to the directory). */
export type RuleResult = { id: RuleId; ok: boolean | null };

export type Failure = {
  ok: false;
  code: ErrorCode;
  attemptsLeft?: number;
  retryAfterSeconds?: number;
  rules?: RuleResult[];
  correlationId?: string;
};
type Ok<T> = { ok: true } & T;
export type Result<T> = Ok<T> | Failure;

export type Servicedesk = { name: string; phone: string; email: string; hours?: string };

export type InfoResponse = Result<{
  organisation: string;
  servicedesk: Servicedesk;
  defaultLang: Lang;
  idleSeconds: number;
  minLength: number;
  demo: boolean;
  /** Where staff register their mobile number (the manual: "Zakelijk mobiel" in the HR app), per language. */
  mobileRegistration: Record<Lang, string>;
}>;
export type StartResponse = Result<{ sessionId: string; step: 'identity' }>;
export type CodeSentResponse = Result<{ step: 'code'; maskedMobile: string; resendAfterSeconds: number; codeValidSeconds: number }>;
export type VerifyCodeResponse = Result<{
  step: 'password';
  /** The user's own name parts, so the live checklist can show the "names" rule; the server still decides. */
  forbiddenWords: string[];
}>;
export type SetPasswordResponse = Result<{ step: 'done'; applications: string[] }>;
export type CancelResponse = Result<Record<never, never>>;

export type Responses = {
  info: InfoResponse;
  start: StartResponse;
  verifyIdentity: CodeSentResponse;
  resendCode: CodeSentResponse;
  verifyCode: VerifyCodeResponse;
  setPassword: SetPasswordResponse;
  cancel: CancelResponse;
};

/** What the renderer calls: `window.resetKiosk` in Electron, a fetch client in a browser. */
export type ResetApi = { [M in Method]: (req: Request<M>) => Promise<Responses[M]> };

/** Who is calling, filled in by the host (never by the renderer): used for per-client throttles and audit. */
export type ClientContext = { clientId: string };

/** The core's view: the same methods plus the host-supplied client context. */
export type ResetService = { [M in Method]: (req: Request<M>, client: ClientContext) => Promise<Responses[M]> };

/** Binds a client context, turning the core service into the renderer-facing API (used by hosts and tests). */
export function bindClient(service: ResetService, client: ClientContext): ResetApi {
  const api = {} as Record<Method, unknown>;
  for (const m of METHODS) api[m] = (req: never) => service[m](req, client);
  return api as ResetApi;
}

export const fail = (code: ErrorCode, extra: Omit<Failure, 'ok' | 'code'> = {}): Failure => ({ ok: false, code, ...extra });
