// The small settings port. Electron main reads it from electron-store (electron/start/settings-store.ts), and the
// tests read through the same class (electron-store runs outside Electron when given an absolute folder).
import type { KioskSettingsData } from './schema.js';

export interface KioskSettings {
  /** Validated settings with every default filled in; throws SettingsError naming the bad field. */
  read(): KioskSettingsData;
  /** Where they come from, for logs and error messages. */
  readonly source: string;
}
