// The KioskSettings port backed by electron-store (main process only: electron-store imports electron).
// The kiosk only reads; the installer, GPO or an admin writes `kiosk.json`. Validation is our zod schema,
// not electron-store's JSON schema, so tests validate exactly what the kiosk validates.
import Store from 'electron-store';
import { parseSettings, type KioskSettingsData } from '../../settings/schema.js';
import type { KioskSettings } from '../../settings/store.js';

export class ElectronStoreSettings implements KioskSettings {
  private readonly store: Store<Record<string, unknown>>;
  constructor(cwd: string) {
    // No defaults and no migrations: electron-store then never writes, so a read-only folder is fine.
    this.store = new Store<Record<string, unknown>>({ name: 'kiosk', cwd, accessPropertiesByDotNotation: false, clearInvalidConfig: false });
  }
  get source(): string {
    return this.store.path;
  }
  read(): KioskSettingsData {
    return parseSettings(this.store.store, this.store.path);
  }
}
