// Sessions in this process's memory: the single-host default (Redis shares them across hosts).
import type { Session } from '../core/session.js';
import type { SessionStore } from '../core/ports/store.js';

export class MemorySessionStore implements SessionStore {
  private readonly sessions = new Map<string, Session>();
  private readonly claims = new Map<string, number>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly now: () => number = Date.now) {
    this.sweeper = setInterval(() => this.sweep(), 60_000);
    this.sweeper.unref();
  }

  // In memory, each operation is done at once; the port's promises are settled ones.
  get(id: string): Promise<Session | undefined> {
    const s = this.sessions.get(id);
    if (s && s.expiresAt <= this.now()) {
      this.sessions.delete(id);
      return Promise.resolve(undefined);
    }
    return Promise.resolve(s && structuredClone(s));
  }

  save(session: Session): Promise<void> {
    this.sessions.set(session.id, structuredClone(session));
    return Promise.resolve();
  }

  delete(id: string): Promise<void> {
    this.sessions.delete(id);
    this.claims.delete(id);
    return Promise.resolve();
  }

  claim(id: string, ttlMs: number): Promise<boolean> {
    // Check and set without an await in between: atomic on Node's one thread.
    if ((this.claims.get(id) ?? 0) > this.now()) return Promise.resolve(false);
    this.claims.set(id, this.now() + ttlMs);
    return Promise.resolve(true);
  }

  release(id: string): Promise<void> {
    this.claims.delete(id);
    return Promise.resolve();
  }

  close(): Promise<void> {
    clearInterval(this.sweeper);
    this.sessions.clear();
    this.claims.clear();
    return Promise.resolve();
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
