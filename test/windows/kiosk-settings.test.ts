// The kiosk's settings files and the local-mode AD password through install, repair, update and rotation, under real
// PowerShell 7 (kiosk-settings.tests.ps1).
// Its own vitest file (not in windows-scripts.test.ts) so the pool runs the long pwsh files side by side.
import { describe, it } from 'vitest';
import { runPwsh } from './tools.js';

describe('Windows setup scripts under PowerShell 7', () => {
  it(
    'settings nobody else wrote, kiosk.json under 5.1 encodings, re-run keys, local-mode AD password across repair/update/rotation',
    () => runPwsh('kiosk-settings.tests.ps1'),
    600_000,
  );
});
