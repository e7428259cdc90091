// A named budget for the servicedesk pages (sign-in attempts, codes to verify a caller), on the app's limiter
// factory: in memory on one host, in Redis across hosts when the store is Redis.
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { LimiterFactory } from '../core/throttle.js';

export type DeskLimit = { points: number; durationSeconds: number };

export class DeskBudget {
  private readonly limiter: RateLimiterAbstract;

  constructor(
    name: string,
    private readonly limit: DeskLimit,
    factory: LimiterFactory,
  ) {
    this.limiter = factory({ keyPrefix: `rk:desk:${name}`, points: limit.points, duration: limit.durationSeconds });
  }

  /** Seconds until there is room again; 0 when there is room now. */
  async blockedFor(key: string): Promise<number> {
    const res = await this.limiter.get(key);
    return res !== null && res.consumedPoints >= this.limit.points
      ? Math.max(1, Math.ceil(res.msBeforeNext / 1000))
      : 0;
  }

  /** Uses a point: 0 when it fitted, else the seconds to wait. */
  async take(key: string): Promise<number> {
    try {
      await this.limiter.consume(key, 1);
      return 0;
    } catch (e) {
      if (e instanceof RateLimiterRes) return Math.max(1, Math.ceil(e.msBeforeNext / 1000));
      throw e;
    }
  }

  async clear(key: string): Promise<void> {
    await this.limiter.delete(key);
  }

  async used(key: string): Promise<number> {
    return Math.min((await this.limiter.get(key))?.consumedPoints ?? 0, this.limit.points);
  }
}
