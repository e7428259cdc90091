// One ioredis connection per process for sessions and throttles. Commands fail fast while Redis is away
// (no offline queue, a command timeout): the step then fails closed with `internal`, /readyz turns 503, and the
// load balancer sends kiosks elsewhere. ioredis keeps reconnecting in the background.
import { readFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import type { RedisStoreConfig } from '../config/store.js';
import { ConfigError, readSecret } from '../config/load.js';
import type { Logger } from '../core/ports/log.js';

/** The URL as it may be logged: without a password, even if one slipped in. */
export const safeUrl = (url: string): string => url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');

/**
 * Refuses a Redis without TLS or without a password (a reader on the wire or on the port sees every session)
 * unless the config says `allowPlainRedis: true`, then warns.
 */
export function checkRedisTransport(config: RedisStoreConfig, password: string | undefined, log: Logger): void {
  const missing = [
    config.url.startsWith('rediss://') ? '' : 'TLS (a rediss:// URL)',
    password ? '' : `a password (${config.passwordEnv})`,
  ].filter(Boolean);
  if (!missing.length) return;
  const what = `Redis at ${safeUrl(config.url)} without ${missing.join(' and ')}`;
  if (!config.allowPlainRedis)
    throw new ConfigError(
      `store: ${what}: anyone on the network path or the port can read and change sessions. Use rediss:// with caFile and set ${config.passwordEnv}, or set "allowPlainRedis": true for a Redis on this host only`,
    );
  log.warn(
    { redis: safeUrl(config.url) },
    `${what} (store.allowPlainRedis): only safe for a Redis that nothing else can reach`,
  );
}

export async function connectRedis(
  config: RedisStoreConfig,
  log: Logger,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Redis> {
  const password = readSecret(config.passwordEnv, env);
  checkRedisTransport(config, password, log);
  const client = new Redis(config.url, {
    ...(password ? { password } : {}),
    ...(config.caFile ? { tls: { ca: readFileSync(config.caFile) } } : {}),
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: config.commandTimeoutMs,
    connectTimeout: 5000,
    connectionName: 'reset-kiosk',
  });
  let down = false;
  client.on('error', (e: Error) => {
    if (!down)
      log.error({ redis: safeUrl(config.url), err: e.message }, 'redis unreachable: resets fail until it is back');
    down = true;
  });
  client.on('ready', () => {
    if (down) log.info({ redis: safeUrl(config.url) }, 'redis reachable again');
    down = false;
  });
  try {
    await client.connect();
    await client.ping();
  } catch (e) {
    client.disconnect();
    throw new Error(
      `cannot reach Redis at ${safeUrl(config.url)}: ${(e as Error).message} (check store.url, ${config.passwordEnv}, the firewall)`,
    );
  }
  return client;
}
