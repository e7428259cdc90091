// Where kiosk settings are read from without Electron: memory (tests) and a JSON file (missing → defaults).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { JsonFileSettings, MemorySettings } from '../../../src-main/settings/store.js';

const dir = mkdtempSync(join(tmpdir(), 'rk-settings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('settings implementations (no Electron needed)', () => {
  it('memory', () => {
    expect(new MemorySettings({ logoffOnExit: true }).read().logoffOnExit).toBe(true);
  });

  it('JSON file: missing → defaults, bad JSON or fields → SettingsError with the path', () => {
    expect(new JsonFileSettings(join(dir, 'missing.json')).read().mode).toBe('local');
    const good = join(dir, 'kiosk.json');
    writeFileSync(good, JSON.stringify({ idleSeconds: 60, kioskId: 'pc-1' }));
    expect(new JsonFileSettings(good).read()).toMatchObject({ idleSeconds: 60, kioskId: 'pc-1' });
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ idle');
    expect(() => new JsonFileSettings(bad).read()).toThrow(/bad.json is not valid JSON/);
  });
});
