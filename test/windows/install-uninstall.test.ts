// install.ps1 and uninstall.ps1 end to end on the fake machine, under real PowerShell 7 (install-uninstall.tests.ps1).
// Its own vitest file (not in windows-scripts.test.ts) so the pool runs the long pwsh files side by side.
import { describe, it } from 'vitest';
import { runPwsh } from './tools.js';

describe('Windows setup scripts under PowerShell 7', () => {
  it(
    'install and uninstall end to end: editions, repair, restart, adopted account, planted settings, local mode',
    () => runPwsh('install-uninstall.tests.ps1'),
    600_000,
  );
});
