// `npm run build:machine-secret`: read-machine-secret.exe (unprotect.c) into dist/machine-secret/, for local mode
// on Windows (electron-builder.yml win.extraResources → <install dir>\resources\machine-secret). Linux cross-compiles
// with Debian's mingw-w64; Windows needs mingw-w64's gcc on PATH too (one C file, crypt32 only).
// protect-for-tests.c is built by the test (test/windows/machine-secret.test.ts), never here.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(resolve(here, '..'), 'dist', 'machine-secret');
const gcc = process.platform === 'win32' ? 'gcc' : 'x86_64-w64-mingw32-gcc';
mkdirSync(out, { recursive: true });
const r = spawnSync(
  gcc,
  [
    '-O2',
    '-Wall',
    '-Wextra',
    '-Werror',
    '-s',
    '-o',
    join(out, 'read-machine-secret.exe'),
    join(here, 'unprotect.c'),
    '-lcrypt32',
  ],
  { stdio: 'inherit' },
);
if (r.error || r.status !== 0) {
  console.error(
    `build:machine-secret: ${gcc} failed${r.error ? `: ${r.error.message}` : ''}. Install it: sudo apt-get install -y gcc-mingw-w64-x86-64`,
  );
  process.exit(1);
}
