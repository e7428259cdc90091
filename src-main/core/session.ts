// Server-side reset sessions: random 128-bit ids, 10 minutes, never trusted from the renderer.
// The memory store is the single-node default; the Redis store (src-main/store) shares them across nodes.
import { randomBytes } from 'node:crypto';
import type { Lang } from './contract.js';
import type { IssuedCode } from '../sms/types.js';

export type SessionUser = {
  id: string;
  username: string;
  givenName: string;
  surname: string;
  displayName: string;
  /** E.164, only after the identity step succeeded. */
  mobile: string;
};

export type Session = {
  id: string;
  step: 'identity' | 'code' | 'password';
  username: string;
  lang: Lang;
  expiresAt: number;
  user?: SessionUser;
  code?: { issued: IssuedCode; nonce: string; sentAt: number; expiresAt: number };
};

export interface SessionStore {
  get(id: string): Promise<Session | undefined>;
  save(session: Session): Promise<void>;
  delete(id: string): Promise<void>;
  /**
   * Claims a session for one exclusive step (the password write): true for exactly one caller, also across
   * hosts, until released or `ttlMs` passed. Stops a double submit from writing the password twice.
   */
  claim(id: string, ttlMs: number): Promise<boolean>;
  release(id: string): Promise<void>;
  close(): Promise<void>;
}

export const newSessionId = (): string => randomBytes(16).toString('hex');

export class MemorySessionStore implements SessionStore {
  private readonly sessions = new Map<string, Session>();
  private readonly claims = new Map<string, number>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly now: () => number = Date.now) {
    this.sweeper = setInterval(() => this.sweep(), 60_000);
    this.sweeper.unref();
  }

  async get(id: string): Promise<Session | undefined> {
    const s = this.sessions.get(id);
    if (s && s.expiresAt <= this.now()) {
      this.sessions.delete(id);
      return undefined;
    }
    return s && structuredClone(s);
  }

  async save(session: Session): Promise<void> {
    this.sessions.set(session.id, structuredClone(session));
  }

  async delete(id: string): Promise<void> {
    this.sessions.delete(id);
    this.claims.delete(id);
  }

  async claim(id: string, ttlMs: number): Promise<boolean> {
    // Check and set without an await in between: atomic on Node's one thread.
    if ((this.claims.get(id) ?? 0) > this.now()) return false;
    this.claims.set(id, this.now() + ttlMs);
    return true;
  }

  async release(id: string): Promise<void> {
    this.claims.delete(id);
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    this.sessions.clear();
    this.claims.clear();
  }

  get size(): number {
    return this.sessions.size;
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, s] of this.sessions) if (s.expiresAt <= now) this.sessions.delete(id);
    for (const [id, until] of this.claims) if (until <= now) this.claims.delete(id);
  }
}
