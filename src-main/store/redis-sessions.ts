// Reset sessions in Redis, so a kiosk's next step may land on any web host. One JSON value per session with a
// Redis expiry (PX) equal to the session's own, so nothing outlives it even if no host ever reads it again.
// What is stored: the username, step, language, the user's name parts and E.164 mobile (for a resend), and the
// code's salted HMAC keyed with the server secret — never the code, a birthdate or a password. The key is
// HMAC(pepper, session id) and the id is not in the value (store/pepper.ts): what is stored cannot continue a
// reset. Start-up demands TLS and a password (redis-client.ts).
import type { Redis } from 'ioredis';
import type { Session } from '../core/session.js';
import type { SessionStore } from '../core/ports/store.js';
import { keyedHash } from './pepper.js';

export class RedisSessionStore implements SessionStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly pepper: Buffer,
    private readonly now: () => number = Date.now,
  ) {}

  private key(id: string): string {
    return `${this.prefix}session:${keyedHash(this.pepper, 'session', id)}`;
  }

  async get(id: string): Promise<Session | undefined> {
    const raw = await this.redis.get(this.key(id));
    if (raw === null) return undefined;
    const session = { ...(JSON.parse(raw) as Omit<Session, 'id'>), id };
    return session.expiresAt > this.now() ? session : undefined;
  }

  async save(session: Session): Promise<void> {
    const ttl = session.expiresAt - this.now();
    if (ttl <= 0) return this.delete(session.id);
    const { id, ...stored } = session; // the id is the secret a client holds: never stored
    await this.redis.set(this.key(id), JSON.stringify(stored), 'PX', ttl);
  }

  async delete(id: string): Promise<void> {
    await this.redis.del(this.key(id), `${this.key(id)}:claim`);
  }

  /** SET NX PX: exactly one host wins the claim, and it lapses by itself if that host dies mid-write. */
  async claim(id: string, ttlMs: number): Promise<boolean> {
    return (await this.redis.set(`${this.key(id)}:claim`, '1', 'PX', ttlMs, 'NX')) === 'OK';
  }

  async release(id: string): Promise<void> {
    await this.redis.del(`${this.key(id)}:claim`);
  }

  /** The connection is shared with the throttles and closed by the store (store/index.ts). */
  async close(): Promise<void> {}
}
