// The tools the Windows-script tests need, found or stopped for with the command that installs them: never a
// silent skip (.ci/run installs all of them).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';

const onPath = (cmd: string): string | undefined => {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
};

export function findPwsh(): string {
  for (const p of [process.env['PWSH'], join(homedir(), '.dotnet', 'tools', 'pwsh')]) if (p && existsSync(p)) return p;
  const found = onPath('pwsh');
  if (found) return found;
  const dotnet = onPath('dotnet')
    ? ''
    : '  first the .NET SDK (https://learn.microsoft.com/dotnet/core/install/linux-debian), then\n';
  throw new Error(
    'PowerShell 7 (pwsh) not found: the Windows setup scripts are tested under it. Install it:\n' +
      dotnet +
      '  dotnet tool install --global PowerShell --version 7.6.9\n' +
      '  export PATH="$HOME/.dotnet/tools:$PATH"\n' +
      '(.ci/run does this), or point PWSH at a pwsh binary.',
  );
}

/** makensis, the mingw-w64 C compiler and wine64, for running installer.nsh for real. */
export function findNsisTools(): { makensis: string; gcc: string; wine: string } {
  const makensis = onPath('makensis');
  const gcc = onPath('x86_64-w64-mingw32-gcc');
  const wine = ['/usr/lib/wine/wine64', onPath('wine64')].find((p) => p && existsSync(p));
  const missing = [!makensis && 'nsis', !gcc && 'gcc-mingw-w64-x86-64-posix', !wine && 'wine64'].filter(Boolean);
  if (missing.length)
    throw new Error(
      `installer.nsh is tested under Wine; missing: ${missing.join(', ')}. Install: sudo apt-get install -y ${missing.join(' ')}`,
    );
  return { makensis: makensis!, gcc: gcc!, wine: wine! };
}

/**
 * Runs one test/windows/*.tests.ps1 file under pwsh and expects it to pass (exit 0 and "0 failure(s)"); on failure
 * the message holds its FAIL lines. DOTNET_TieredPGO=0: the .NET runtime's profile-guided re-JIT (on by default
 * since .NET 8, https://learn.microsoft.com/dotnet/core/runtime-config/compilation#profile-guided-optimization)
 * instruments the many short-lived methods PowerShell compiles for script blocks; off, these files take about a
 * third less CPU time, with the same results.
 */
export function runPwsh(file: string): void {
  const r = spawnSync(
    findPwsh(),
    ['-NoProfile', '-NonInteractive', '-File', join(process.cwd(), 'test', 'windows', file)],
    {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
      env: { ...process.env, DOTNET_TieredPGO: '0' },
    },
  );
  const out = `${r.stdout}\n${r.stderr}`;
  // The whole output only when it failed: the FAIL lines and the summary say what.
  expect(
    r.status,
    out
      .split('\n')
      .filter((l) => /FAIL|failure|error/i.test(l))
      .slice(0, 60)
      .join('\n') || out.slice(-4000),
  ).toBe(0);
  expect(out).toMatch(/^0 failure\(s\)$/m);
}
