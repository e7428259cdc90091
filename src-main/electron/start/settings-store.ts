// The KioskSettings port backed by electron-store (main process only: electron-store imports electron).
// The kiosk only reads; the installer, GPO or an admin writes `kiosk.json`. Validation is our zod schema,
// not electron-store's JSON schema. This class is also what the tests read settings with: electron-store runs
// outside Electron when given an absolute `cwd` (node_modules/electron-store/index.js), so
// test/unit/electron/start/settings-store.test.ts loads it with only `electron` replaced.
import Store from 'electron-store';
import { join } from 'node:path';
import { parseSettings, SettingsError, type KioskSettingsData } from '../../settings/schema.js';
import type { KioskSettings } from '../../settings/store.js';

export const SETTINGS_FILE = 'kiosk.json';

export class ElectronStoreSettings implements KioskSettings {
  readonly source: string;
  /** @param cwd the settings folder, an absolute path (paths.ts settingsDir). */
  constructor(private readonly cwd: string) {
    this.source = join(cwd, SETTINGS_FILE);
  }

  /** Read at every call, so a test (or a later re-read) sees the file as it is now. A missing file means defaults. */
  read(): KioskSettingsData {
    let store: Store<Record<string, unknown>>;
    try {
      // No defaults and no migrations: electron-store then never writes, so a read-only folder is fine.
      store = new Store<Record<string, unknown>>({
        name: 'kiosk',
        cwd: this.cwd,
        accessPropertiesByDotNotation: false,
        clearInvalidConfig: false,
      });
    } catch (e) {
      throw new SettingsError(`${this.source} cannot be read: ${e instanceof Error ? e.message : String(e)}`);
    }
    return parseSettings(store.store, this.source);
  }
}
