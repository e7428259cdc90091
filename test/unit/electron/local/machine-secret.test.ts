// Where the kiosk looks for install.ps1's DPAPI copy of the AD password: only an installed Windows kiosk has one
// (the reader itself runs under Wine in test/windows/machine-secret.test.ts).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { installedMachineSecret } from '../../../../src-main/electron/local/machine-secret.js';

const resourcesPath = join('C:', 'Program Files', 'Wachtwoord vergeten', 'resources');

describe('installedMachineSecret', () => {
  it('an installed Windows kiosk: the settings folder copy, read by the packaged reader', () => {
    const found = installedMachineSecret({ isPackaged: true, platform: 'win32', resourcesPath }, 'settings');
    expect(found.machineSecret?.file).toBe(join('settings', 'directory-password.bin'));
    expect(typeof found.machineSecret?.unprotect).toBe('function');
  });

  it('a development run or another platform: none (safeStorage then)', () => {
    expect(installedMachineSecret({ isPackaged: false, platform: 'win32', resourcesPath }, 'settings')).toEqual({});
    expect(installedMachineSecret({ isPackaged: true, platform: 'linux', resourcesPath }, 'settings')).toEqual({});
  });
});
