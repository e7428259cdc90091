// Agents' sessions, in this process's memory (one admin listener; a restart signs everyone out). An id is 256
// random bits, sent only as an HttpOnly cookie; it is replaced at sign-in (no fixation) and every few minutes
// while in use, the old id living on a short grace so requests already under way still count (OWASP Session
// Management Cheat Sheet: renewal, idle and absolute timeouts).
import { randomBytes } from 'node:crypto';
import type { Agent } from './agents.js';

export type DeskSession = {
  agent: Agent;
  /** Stable for the session's life (the CSRF token is bound to it); never sent as the cookie. */
  key: string;
  created: number;
  seen: number;
  /** People whose caller read back the right code in this session: accountKey → when. */
  verified: Map<string, number>;
  /** The code sent to a person's phone, waiting to be read back: its hash, never the code. */
  pending: Map<string, { hash: string; salt: string; expires: number; tries: number }>;
};

export type SessionTimes = {
  idleMs: number;
  absoluteMs: number;
  rotateMs?: number;
  graceMs?: number;
  max?: number;
  now?: () => number;
};

const newId = () => randomBytes(32).toString('base64url');

export class DeskSessions {
  private readonly byId = new Map<
    string,
    { session: DeskSession; rotated: number; successor?: string; dies?: number }
  >();
  private readonly now: () => number;

  constructor(private readonly t: SessionTimes) {
    this.now = t.now ?? Date.now;
  }

  create(agent: Agent): { id: string; session: DeskSession } {
    this.sweep();
    const now = this.now();
    if (this.byId.size >= (this.t.max ?? 2000)) this.byId.delete(this.byId.keys().next().value!); // oldest first
    const session: DeskSession = {
      agent,
      key: newId(),
      created: now,
      seen: now,
      verified: new Map(),
      pending: new Map(),
    };
    const id = newId();
    this.byId.set(id, { session, rotated: now });
    return { id, session };
  }

  /** The live session for this cookie (touching it), and a new id when it was due for renewal. */
  get(id: string | undefined): { session: DeskSession; newId?: string } | undefined {
    const entry = id ? this.byId.get(id) : undefined;
    if (!entry || !id) return undefined;
    const now = this.now();
    const s = entry.session;
    if (entry.dies !== undefined && now > entry.dies) {
      this.byId.delete(id); // an old id past its grace: only that id ends, the session lives on under its new one
      return undefined;
    }
    if (now - s.seen > this.t.idleMs || now - s.created > this.t.absoluteMs) {
      this.destroy(id);
      return undefined;
    }
    s.seen = now;
    if (entry.successor) return { session: s }; // an old id in its grace period: the browser has the new one
    if (now - entry.rotated < (this.t.rotateMs ?? 5 * 60_000)) return { session: s };
    const next = newId();
    this.byId.set(next, { session: s, rotated: now });
    entry.successor = next;
    entry.dies = now + (this.t.graceMs ?? 30_000);
    return { session: s, newId: next };
  }

  /** Ends the session under every id it had. */
  destroy(id: string | undefined): void {
    const entry = id ? this.byId.get(id) : undefined;
    if (!entry) return;
    for (const [k, e] of this.byId) if (e.session === entry.session) this.byId.delete(k);
  }

  private sweep(): void {
    const now = this.now();
    for (const [k, e] of this.byId) {
      const s = e.session;
      if (now - s.seen > this.t.idleMs || now - s.created > this.t.absoluteMs || (e.dies !== undefined && now > e.dies))
        this.byId.delete(k);
    }
  }
}
