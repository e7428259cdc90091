// Config section `store`: where sessions and throttle counters live. `memory` (default) is one process;
// `redis` lets several web hosts behind a load balancer share them (central mode), so a user's session and
// limits hold whichever host answers.
import { z } from 'zod';

export const DEFAULT_REDIS_PASSWORD_ENV = 'RESET_KIOSK_REDIS_PASSWORD';

const redisUrl = z
  .string()
  .regex(/^rediss?:\/\//, 'a redis:// or rediss:// (TLS) URL')
  // The password comes from the environment (passwordEnv) or a file, never from this file.
  .refine(
    (u) => !URL.canParse(u) || new URL(u).password === '',
    'no password in the URL: put it in the environment variable named by passwordEnv',
  );

export const storeSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('memory') }).strict(),
  z
    .object({
      type: z.literal('redis'),
      /** e.g. `redis://10.0.0.5:6379/0`; `rediss://` for TLS. A user name (Redis ACL) may be in the URL, not a password. */
      url: redisUrl,
      /** Prepended to every key, so several installations can share one Redis. */
      keyPrefix: z
        .string()
        .regex(/^[\w.:-]{1,64}$/)
        .default('reset-kiosk:'),
      /** Environment variable with the password (or `<VAR>_FILE` naming a file with it); unset = no AUTH. */
      passwordEnv: z
        .string()
        .regex(/^[A-Z_][A-Z0-9_]*$/, 'an environment variable name, not the password')
        .default(DEFAULT_REDIS_PASSWORD_ENV),
      /** CA certificate (PEM) that signed the Redis server's certificate, for rediss://. */
      caFile: z.string().optional(),
      /** Upper bound for one Redis command; a stuck Redis fails the step (closed) instead of hanging the kiosk. */
      commandTimeoutMs: z.number().int().min(100).max(10_000).default(2000),
      /**
       * Start even without TLS (rediss://) and a password: only for a Redis on this host, reachable by nothing
       * else. Start-up prints a warning. Without it, start-up refuses (redis-client.ts).
       */
      allowPlainRedis: z.boolean().default(false),
    })
    .strict(),
]);
export type StoreConfig = z.infer<typeof storeSchema>;
export type RedisStoreConfig = Extract<StoreConfig, { type: 'redis' }>;
