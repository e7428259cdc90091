// AppLocker, uninstall with a loaded hive and a locked tile DLL, the drift task, under real PowerShell 7
// (kiosk-hardening.tests.ps1).
// Its own vitest file (not in windows-scripts.test.ts) so the pool runs the long pwsh files side by side.
import { describe, it } from 'vitest';
import { runPwsh } from './tools.js';

describe('Windows setup scripts under PowerShell 7', () => {
  it(
    'AppLocker under GPO and MDM, uninstall with a loaded hive and a locked tile DLL, drift task and check.ps1',
    () => runPwsh('kiosk-hardening.tests.ps1'),
    600_000,
  );
});
