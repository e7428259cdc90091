// Bearer tokens of the admin listener. Each configured token is read once from its environment variable (or
// `<VAR>_FILE`) and kept only as a SHA-256 digest. A presented token is hashed too and compared with every
// digest by timingSafeEqual, all of them every time: equal-length inputs and a fixed amount of work, so neither
// a wrong length, a wrong prefix nor a missing header answers any faster (OWASP: constant-time comparison).
import { createHash, timingSafeEqual } from 'node:crypto';
import type { AdminConfig, AdminScope } from '../config/admin.js';
import { ConfigError, readSecret } from '../config/load.js';

/** Shorter tokens are refused at start-up: 32 random characters are beyond guessing at any rate limit. */
export const MIN_TOKEN_LENGTH = 32;

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/** The token's label (for the audit) and what it may do; undefined for a missing or unknown token. */
export type TokenCheck = (
  authorization: string | undefined,
) => { label: string; scopes: ReadonlySet<AdminScope> } | undefined;

/** Reads every token; a missing or short one stops start-up naming its variable. */
export function loadTokens(config: AdminConfig, env: NodeJS.ProcessEnv = process.env): TokenCheck {
  const known = config.tokens.map(({ label, tokenEnv, scopes }) => {
    let token: string | undefined;
    try {
      token = readSecret(tokenEnv, env);
    } catch (e) {
      throw new ConfigError(`admin.tokens (${label}): cannot read ${tokenEnv}_FILE (${(e as Error).message})`);
    }
    if (!token)
      throw new ConfigError(
        `admin.tokens (${label}): set ${tokenEnv} (or ${tokenEnv}_FILE) to a random token of at least ${MIN_TOKEN_LENGTH} characters, e.g. openssl rand -hex 32`,
      );
    if (token.length < MIN_TOKEN_LENGTH)
      throw new ConfigError(
        `admin.tokens (${label}): the token in ${tokenEnv} is shorter than ${MIN_TOKEN_LENGTH} characters`,
      );
    return { label, scopes: new Set(scopes), digest: digest(token) };
  });
  return (authorization) => {
    const presented = digest(/^Bearer ([\x21-\x7e]+)$/i.exec(authorization ?? '')?.[1] ?? '');
    let found: (typeof known)[number] | undefined;
    for (const t of known) if (timingSafeEqual(presented, t.digest) && found === undefined) found = t;
    return found && { label: found.label, scopes: found.scopes };
  };
}
