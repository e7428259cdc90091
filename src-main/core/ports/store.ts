// The session-store port. Memory (one host) and Redis (several hosts) implement it in src-main/store/.
import type { Session } from '../session.js';

export interface SessionStore {
  get(id: string): Promise<Session | undefined>;
  save(session: Session): Promise<void>;
  delete(id: string): Promise<void>;
  /**
   * Claims a session for one exclusive step (the birthdate check, the password write): true for exactly one
   * caller, also across hosts, until released or `ttlMs` passed. A double submit checks or writes once.
   */
  claim(id: string, ttlMs: number): Promise<boolean>;
  release(id: string): Promise<void>;
  close(): Promise<void>;
}
