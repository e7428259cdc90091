// Local mode's AD password as install.ps1 stores it (DPAPI machine scope, resources/windows/directory-secret.ps1),
// read back the way the kiosk does: src-machine-secret/read-machine-secret.exe built with mingw-w64 and run under
// Wine (whose crypt32 implements CryptProtectData/CryptUnprotectData), through loadMachineSecret/unprotectWith.
// The blob comes from protect-for-tests.exe, the same call with CRYPTPROTECT_LOCAL_MACHINE and the installer's
// entropy; a blob with other entropy and a missing file are refused or absent as the kiosk expects.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMachineSecret, unprotectWith } from '../../src-main/electron/local/machine-secret.js';
import { removeWinePrefix, winePrefix } from '../helpers/wine-prefix.js';
import { findNsisTools } from './tools.js';

const src = join(process.cwd(), 'src-machine-secret');
let dir = '';
let wine = '';
let env: NodeJS.ProcessEnv = {};

beforeAll(() => {
  const tools = findNsisTools();
  wine = tools.wine;
  dir = mkdtempSync(join(tmpdir(), 'rk-dpapi-'));
  for (const [c, exe] of [
    ['unprotect.c', 'read-machine-secret.exe'],
    ['protect-for-tests.c', 'protect.exe'],
  ] as const) {
    execFileSync(tools.gcc, ['-O2', '-Wall', '-Wextra', '-Werror', '-o', join(dir, exe), join(src, c), '-lcrypt32']);
  }
  env = winePrefix(join(dir, 'prefix'), wine); // a copy of the run's template prefix (test/helpers/wine-prefix.ts)
}, 240_000);

afterAll(() => {
  if (wine && dir) removeWinePrefix(join(dir, 'prefix'), wine);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const protect = (plain: string, entropy?: string) =>
  execFileSync(wine, [join(dir, 'protect.exe'), ...(entropy ? [entropy] : [])], {
    env,
    input: Buffer.from(plain, 'utf8'),
    timeout: 60_000,
  });

describe('read-machine-secret.exe under Wine', () => {
  it('gives back what machine-scope DPAPI protected with the installer entropy (non-ASCII too)', async () => {
    const file = join(dir, 'directory-password.bin');
    writeFileSync(file, protect('Svc-Geheim-€-42'));
    expect(readFileSync(file).includes(Buffer.from('Svc-Geheim'))).toBe(false);
    expect(await loadMachineSecret(file, unprotectWith(wine, [join(dir, 'read-machine-secret.exe')], env))).toBe(
      'Svc-Geheim-€-42',
    );
  }, 120_000);

  it('refuses a blob protected with other entropy, and says what to do', async () => {
    const file = join(dir, 'other.bin');
    writeFileSync(file, protect('x', 'other-entropy'));
    await expect(
      loadMachineSecret(file, unprotectWith(wine, [join(dir, 'read-machine-secret.exe')], env)),
    ).rejects.toThrow(/-DirectoryPasswordFile/);
  }, 120_000);

  it('no file: no password (safeStorage fallback), and the reader is never started', async () => {
    let started = false;
    const never = () => {
      started = true;
      return Promise.resolve(Buffer.alloc(0));
    };
    expect(await loadMachineSecret(join(dir, 'absent.bin'), never)).toBeUndefined();
    expect(started).toBe(false);
  });
});
