// The store's server secret (the "pepper"): what makes the shared store useless to someone who can only read
// it — a backup, a replica, a monitoring tool with read rights, `MONITOR`. With it:
// - a code is kept as HMAC-SHA256(pepper, salt ‖ code) (core/otp.ts), so trying all 10⁶ codes offline needs
//   the pepper, which is never in the store;
// - a session is stored under HMAC-SHA256(pepper, id) (redis-sessions.ts), never under its id, and the id is
//   not in the value: what a client needs to continue a reset cannot be read back;
// - every throttle key is hashed the same way (redis-limiters.ts): no typed name or session id in a key.
// Every host must have the same pepper (they share the store). Rotating it ends the sessions in progress (at
// most `security.sessionTtlSeconds`, 10 min by default) and starts the budgets afresh: do it at a quiet hour.
import { createHmac, randomBytes } from 'node:crypto';
import { ConfigError, readSecret } from '../config/load.js';
import type { StoreConfig } from '../config/store.js';

export const PEPPER_ENV = 'RESET_KIOSK_STORE_PEPPER';
export const MIN_PEPPER_LENGTH = 32;

/**
 * The pepper from RESET_KIOSK_STORE_PEPPER (or `_FILE`): required with Redis; the memory store (one process,
 * nothing to read from outside) takes a random one when none is given.
 */
export function loadPepper(store: StoreConfig, env: NodeJS.ProcessEnv = process.env): Buffer {
  let value: string | undefined;
  try {
    value = readSecret(PEPPER_ENV, env);
  } catch (e) {
    throw new ConfigError(`cannot read ${PEPPER_ENV}_FILE (${(e as Error).message})`);
  }
  if (!value) {
    if (store.type === 'memory') return randomBytes(32);
    throw new ConfigError(
      `store.type "redis" needs a server secret: set ${PEPPER_ENV} (or ${PEPPER_ENV}_FILE) to the same random value of at least ${MIN_PEPPER_LENGTH} characters on every host, e.g. openssl rand -hex 32`,
    );
  }
  if (value.length < MIN_PEPPER_LENGTH)
    throw new ConfigError(`${PEPPER_ENV} is shorter than ${MIN_PEPPER_LENGTH} characters: use openssl rand -hex 32`);
  return Buffer.from(value, 'utf8');
}

/** A store key for `value`: HMAC-SHA256(pepper, purpose NUL value), hex. One purpose never collides with another. */
export const keyedHash = (pepper: Buffer, purpose: string, value: string): string =>
  createHmac('sha256', pepper).update(`${purpose}\0${value}`).digest('hex');
