// The small settings port. Electron main reads it from electron-store (electron/start/settings-store.ts);
// tests and tools use the memory and JSON-file implementations, so nothing here needs Electron.
import { readFileSync } from 'node:fs';
import { parseSettings, SettingsError, type KioskSettingsData } from './schema.js';

export interface KioskSettings {
  /** Validated settings with every default filled in; throws SettingsError naming the bad field. */
  read(): KioskSettingsData;
  /** Where they come from, for logs and error messages. */
  readonly source: string;
}

export class MemorySettings implements KioskSettings {
  readonly source = 'memory';
  constructor(private readonly raw: unknown = {}) {}
  read(): KioskSettingsData {
    return parseSettings(this.raw, this.source);
  }
}

/** A plain JSON file in electron-store's format (one object); a missing file means all defaults. */
export class JsonFileSettings implements KioskSettings {
  constructor(readonly source: string) {}
  read(): KioskSettingsData {
    let text: string;
    try {
      text = readFileSync(this.source, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return parseSettings({}, this.source);
      throw new SettingsError(`cannot read ${this.source}: ${(e as Error).message}`);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (e) {
      throw new SettingsError(`${this.source} is not valid JSON: ${(e as Error).message}`);
    }
    return parseSettings(raw, this.source);
  }
}
