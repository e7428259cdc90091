// Throttle counters in Redis (rate-limiter-flexible's RateLimiterRedis): one atomic Lua increment per try, so
// two web hosts can never both grant the last birthdate or code try. Keys keep the memory limiters' scheme
// (`rk:<limit>:<key>`) behind the store's prefix.
import type { Redis } from 'ioredis';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import type { LimiterFactory } from '../core/throttle.js';

export function redisLimiters(redis: Redis, prefix: string): LimiterFactory {
  return (opts) =>
    new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${prefix}${opts.keyPrefix}`,
      points: opts.points,
      duration: opts.duration,
      // No in-memory fallback ("insurance limiter"): per-host counters would multiply the limits. Fail closed.
      rejectIfRedisNotReady: true,
    });
}
