// Test helper: what a call throws, for tests that check both the error's kind and its message (a secret must
// never be echoed in it), and the config loader's refusal of a raw config.
import { ConfigError, parseConfig } from '../../src-main/config/load.js';

/** What `f` throws; fails the test when it throws nothing. */
export function thrown(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error, but nothing was thrown');
}

/** The ConfigError message for `raw` (as a file named test.json), or 'accepted'; any other error is a bug and thrown. */
export function configRefusal(raw: unknown): string {
  try {
    parseConfig(raw, 'test.json');
    return 'accepted';
  } catch (e) {
    if (e instanceof ConfigError) return e.message;
    throw e;
  }
}
