// The one place that turns the `directory` config into a Directory: hosts (CLI, web, Electron) call this.
import type { DirectoryConfig } from '../config/directory.js';
import type { Directory } from '../core/ports/directory.js';
import type { Logger } from '../core/ports/log.js';

/**
 * Demo: the embedded JSON directory. AD: validates the secret and CA file (ConfigError naming the field),
 * binds once to read rootDSE and logs whether password history can be enforced on reset. An unreachable
 * DC does not fail start-up; operations then report the directory as unavailable.
 */
export async function createDirectory(
  config: DirectoryConfig,
  log: Logger,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Directory> {
  switch (config.type) {
    // Imported when named: the demo never loads ldapts, AD never loads the demo's JSON.
    case 'demo':
      return (await import('./demo.js')).DemoDirectory.load(config.file);
    case 'ad':
      return (await import('./ad/index.js')).AdDirectory.create(config, log, env);
  }
}
