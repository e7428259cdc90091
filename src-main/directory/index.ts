// Picks the Directory adapter named in the config.
import type { DirectoryConfig } from '../config/directory.js';
import type { Logger } from '../core/log.js';
import { DemoDirectory } from './demo.js';
import type { Directory } from './types.js';

export async function createDirectory(config: DirectoryConfig, _log: Logger): Promise<Directory> {
  switch (config.type) {
    case 'demo':
      return DemoDirectory.load(config.file);
  }
}
