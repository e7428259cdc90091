// Picks where sessions and throttle counters live (config `store`): this process's memory, or a shared Redis.
import type { Probe } from '../core/ports/probe.js';
import type { StoreConfig } from '../config/store.js';
import type { Logger } from '../core/ports/log.js';
import { MemorySessionStore } from './memory-sessions.js';
import type { SessionStore } from '../core/ports/store.js';
import { memoryLimiters, type LimiterFactory } from '../core/throttle.js';
import { loadPepper } from './pepper.js';

export type Store = {
  sessions: SessionStore;
  limiters: LimiterFactory;
  probes: Probe[];
  describe: string;
  close(): Promise<void>;
};

export async function createStore(
  config: StoreConfig,
  log: Logger,
  env: NodeJS.ProcessEnv = process.env,
  pepper: Buffer = loadPepper(config, env),
): Promise<Store> {
  switch (config.type) {
    case 'memory': {
      const sessions = new MemorySessionStore();
      return {
        sessions,
        limiters: memoryLimiters,
        probes: [],
        describe: 'sessions and limits: in memory (one host)',
        close: () => sessions.close(),
      };
    }
    case 'redis': {
      // ioredis (~25 MB) is imported only when Redis is configured.
      const { connectRedis, safeUrl } = await import('./redis-client.js');
      const { redisLimiters } = await import('./redis-limiters.js');
      const { RedisSessionStore } = await import('./redis-sessions.js');
      const redis = await connectRedis(config, log, env);
      return {
        sessions: new RedisSessionStore(redis, config.keyPrefix, pepper),
        limiters: redisLimiters(redis, config.keyPrefix, pepper),
        probes: [{ name: 'redis', check: async () => void (await redis.ping()) }],
        describe: `sessions and limits: Redis ${safeUrl(config.url)} (prefix ${config.keyPrefix}; shared by all hosts)`,
        async close() {
          await redis.quit().catch(() => redis.disconnect());
        },
      };
    }
  }
}
