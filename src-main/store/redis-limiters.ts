// Throttle counters in Redis (rate-limiter-flexible's RateLimiterRedis): one atomic Lua increment per try, so
// two web hosts can never both grant the last birthdate or code try. Keys keep the memory limiters' scheme
// (`rk:<limit>:…`) behind the store's prefix, but the key itself (a typed name, a session's code) is stored only
// as its keyed hash (store/pepper.ts): a reader of Redis learns neither names nor session ids.
import type { Redis } from 'ioredis';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import type { LimiterFactory } from '../core/throttle.js';
import { keyedHash } from './pepper.js';

/** RateLimiterRedis whose store key is `<prefix>:<HMAC(pepper, key)>`: every method goes through getKey. */
class KeyedRateLimiterRedis extends RateLimiterRedis {
  constructor(
    opts: ConstructorParameters<typeof RateLimiterRedis>[0],
    private readonly pepper: Buffer,
  ) {
    super(opts);
  }

  override getKey(key: string | number): string {
    return super.getKey(keyedHash(this.pepper, 'limit', String(key)));
  }
}

export function redisLimiters(redis: Redis, prefix: string, pepper: Buffer): LimiterFactory {
  return (opts) =>
    new KeyedRateLimiterRedis(
      {
        storeClient: redis,
        keyPrefix: `${prefix}${opts.keyPrefix}`,
        points: opts.points,
        duration: opts.duration,
        // No in-memory fallback ("insurance limiter"): per-host counters would multiply the limits. Fail closed.
        rejectIfRedisNotReady: true,
      },
      pepper,
    );
}
