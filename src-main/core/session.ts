// Server-side reset sessions: random 128-bit ids, `security.sessionTtlSeconds` long (default 10 min), never trusted from the renderer.
// Stores implement ports/store.ts: memory (src-main/store/memory-sessions.ts) or Redis (src-main/store).
import { randomBytes } from 'node:crypto';
import type { Lang, PasswordPolicy, Purpose } from './contract.js';
import type { DirectoryUser } from './ports/directory.js';
import type { IssuedCode } from './ports/sms.js';

/** The proven user, as the session keeps them: the directory's names and keys, and the mobile in E.164. */
export type SessionUser = Pick<
  DirectoryUser,
  'id' | 'accountKey' | 'username' | 'givenName' | 'surname' | 'displayName'
> & {
  /** E.164, only after the identity step succeeded. */
  mobile: string;
};

export type Session = {
  id: string;
  /** `unlock`: an unlock session whose code was right, waiting for the unlock itself. */
  step: 'identity' | 'code' | 'password' | 'unlock';
  /** Absent for a reset (sessions stored before unlocks existed are resets too). */
  purpose?: Extract<Purpose, 'unlock'>;
  username: string;
  lang: Lang;
  expiresAt: number;
  user?: SessionUser;
  code?: { issued: IssuedCode; nonce: string; sentAt: number; expiresAt: number };
  /** This user's password rules, set when the code was right (docs/security.md "Password rules"). */
  policy?: PasswordPolicy;
};

export const newSessionId = (): string => randomBytes(16).toString('hex');

/**
 * Longest one step may hold its session's claim (SessionStore.claim): the birthdate check and the password write
 * each run once at a time per session. A dead host's claim lapses by itself.
 */
export const CLAIM_MS = 60_000;
