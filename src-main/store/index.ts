// Picks where sessions and throttle counters live (config `store`): this process's memory, or a shared Redis.
import type { Probe } from '../app.js';
import type { StoreConfig } from '../config/store.js';
import type { Logger } from '../core/log.js';
import { MemorySessionStore, type SessionStore } from '../core/session.js';
import { memoryLimiters, type LimiterFactory } from '../core/throttle.js';
import { connectRedis, safeUrl } from './redis-client.js';
import { redisLimiters } from './redis-limiters.js';
import { RedisSessionStore } from './redis-sessions.js';

export type Store = { sessions: SessionStore; limiters: LimiterFactory; probes: Probe[]; describe: string; close(): Promise<void> };

export async function createStore(config: StoreConfig, log: Logger, env: NodeJS.ProcessEnv = process.env): Promise<Store> {
  switch (config.type) {
    case 'memory': {
      const sessions = new MemorySessionStore();
      return { sessions, limiters: memoryLimiters, probes: [], describe: 'sessions and limits: in memory (one host)', close: () => sessions.close() };
    }
    case 'redis': {
      const redis = await connectRedis(config, log, env);
      return {
        sessions: new RedisSessionStore(redis, config.keyPrefix),
        limiters: redisLimiters(redis, config.keyPrefix),
        probes: [{ name: 'redis', check: async () => void (await redis.ping()) }],
        describe: `sessions and limits: Redis ${safeUrl(config.url)} (prefix ${config.keyPrefix}; shared by all hosts)`,
        async close() {
          await redis.quit().catch(() => redis.disconnect());
        },
      };
    }
  }
}
