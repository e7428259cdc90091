// Fail closed, by fault injection into every step of install.ps1 and uninstall.ps1, under real PowerShell 7
// (fail-closed.tests.ps1).
// Its own vitest file (not in windows-scripts.test.ts) so the pool runs the long pwsh files side by side.
import { describe, it } from 'vitest';
import { runPwsh } from './tools.js';

describe('Windows setup scripts under PowerShell 7', () => {
  it(
    'fail closed: a failure injected into every step of install and uninstall',
    () => runPwsh('fail-closed.tests.ps1'),
    900_000,
  );
});
