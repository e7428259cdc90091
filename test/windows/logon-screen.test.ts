// The logon screen and the kiosk password's rotation after each sign-in, under real PowerShell 7
// (logon-screen.tests.ps1, logon-rotation.tests.ps1).
// Its own vitest file (not in windows-scripts.test.ts) so the pool runs the long pwsh files side by side.
import { describe, it } from 'vitest';
import { runPwsh } from './tools.js';

describe('Windows setup scripts under PowerShell 7', () => {
  it(
    'logon screen: admin-only code paths, hidden kiosk account, LogonUI last sign-in put back, password rotated after each kiosk sign-in',
    () => runPwsh('logon-screen.tests.ps1'),
    300_000,
  );
  it(
    'logon screen: the rotation retried, never apart while usable, finished after a cut; local mode rotates too',
    () => runPwsh('logon-rotation.tests.ps1'),
    300_000,
  );
});
