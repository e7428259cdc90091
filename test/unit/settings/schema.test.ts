// Kiosk settings: one schema, safe defaults, central mode cannot be configured half (no CA, plain http).
import { describe, expect, it } from 'vitest';
import { parseSettings, SettingsError } from '../../../src-main/settings/schema.js';

describe('kiosk settings schema', () => {
  it('an empty object is a local demo kiosk with the documented defaults (docs/windows-kiosk.md)', () => {
    expect(parseSettings({})).toEqual({
      mode: 'local',
      idleSeconds: 90,
      codeIdleSeconds: 300,
      doneSeconds: 20,
      language: 'nl',
      branding: { title: 'Wachtwoord vergeten', backgroundColor: '#ffffff' },
      servicedesk: { name: 'Servicedesk ICT', phone: '0485 – 845 900', email: 'servicedesk@pantein.nl' },
      logoffOnExit: false,
      kioskAccount: 'Wachtwoord vergeten',
    });
  });

  it('central mode needs an https URL and the CA to pin', () => {
    const ok = parseSettings({
      mode: 'central',
      centralUrl: 'https://reset.zorg.example/',
      caFile: 'C:\\ProgramData\\ca.pem',
      kioskId: 'afd-3-pc1',
    });
    expect(ok.mode).toBe('central');
    expect(() => parseSettings({ mode: 'central', centralUrl: 'https://reset.zorg.example/' })).toThrow(
      /caFile: required/,
    );
    expect(() => parseSettings({ mode: 'central', caFile: 'ca.pem' })).toThrow(/centralUrl: required/);
    expect(() =>
      parseSettings({ mode: 'central', centralUrl: 'http://reset.zorg.example/', caFile: 'ca.pem' }),
    ).toThrow(/https/);
  });

  it('keeps idle and done times within safe bounds and refuses unknown keys', () => {
    expect(() => parseSettings({ idleSeconds: 5 })).toThrow(SettingsError);
    expect(() => parseSettings({ idleSeconds: 3600 })).toThrow(/idleSeconds/);
    expect(() => parseSettings({ doneSeconds: 0 })).toThrow(/doneSeconds/);
    expect(() => parseSettings({ devTools: true })).toThrow(/Unrecognized key/);
    expect(() => parseSettings({ kioskId: 'a b; rm -rf' })).toThrow(/kioskId/);
    expect(() => parseSettings({ branding: { backgroundColor: 'red' } })).toThrow(/branding.backgroundColor/);
    expect(() => parseSettings({ language: 'de' })).toThrow(/language/);
  });

  it('names the source and every bad field in one message', () => {
    try {
      parseSettings({ idleSeconds: 1, mode: 'x' }, 'C:\\ProgramData\\Wachtwoord vergeten\\kiosk.json');
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).toMatch(/^C:\\ProgramData\\Wachtwoord vergeten\\kiosk.json are not valid:/);
      expect((e as Error).message).toMatch(/idleSeconds/);
      expect((e as Error).message).toMatch(/mode/);
    }
  });
});
