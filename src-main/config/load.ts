// Loads and validates the config file; a bad file stops start-up with the path and the field that is wrong.
import { readFileSync } from 'node:fs';
import { configSchema, type Config } from './schema.js';

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** JSON has no comments: any object may carry a `$comment` (string or lines), dropped before validation. */
export function stripComments(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripComments);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => k !== '$comment')
      .map(([k, v]) => [k, stripComments(v)]),
  );
}

/** Validates a parsed config object; the error lists every wrong field as `path.to.field: reason`. */
export function parseConfig(raw: unknown, source = 'config'): Config {
  const result = configSchema.safeParse(stripComments(raw));
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new ConfigError(`${source} is not valid:\n${lines.join('\n')}`);
}

/** No path → the demo config (embedded directory, SMS outbox). */
export function loadConfig(path?: string): Config {
  if (!path) return parseConfig({}, 'default demo config');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ConfigError(`cannot read config file ${path}: ${(e as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`${path} is not valid JSON: ${(e as Error).message}`);
  }
  return parseConfig(raw, path);
}

/** Reads a secret from an environment variable or a file named by `<VAR>_FILE`; never from the config itself. */
export function readSecret(envVar: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const file = env[`${envVar}_FILE`];
  if (file) return readFileSync(file, 'utf8').trim();
  return env[envVar] || undefined;
}
