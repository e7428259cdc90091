// `npm start` → `node dist/main/cli.js start [--dev] [--config PATH]`: runs the built kiosk in Electron.
// Since 45.5 the electron package downloads its binary on first require (node_modules/electron/index.js);
// offline that fails with a stack trace, so we resolve the binary the same way index.js does — path.txt,
// dist/, ELECTRON_OVERRIDE_DIST_PATH — without ever triggering the download, and explain when it is missing.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type BinaryLookup = { ok: true; path: string } | { ok: false; reason: string };
type Fs = { exists(p: string): boolean; read(p: string): string | undefined };
const realFs: Fs = { exists: existsSync, read: (p) => (existsSync(p) ? readFileSync(p, 'utf8') : undefined) };

/** The electron package folder, found by resolving its package.json (this does not run index.js). */
export function electronPackageDir(from: string = import.meta.url): string | undefined {
  try {
    return dirname(createRequire(from).resolve('electron/package.json'));
  } catch {
    return undefined;
  }
}

export function resolveElectronBinary(
  pkgDir: string | undefined,
  env: NodeJS.ProcessEnv,
  fs: Fs = realFs,
): BinaryLookup {
  if (!pkgDir) return { ok: false, reason: 'the electron package is not installed' };
  const executable = fs.read(join(pkgDir, 'path.txt'))?.trim();
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const p = join(env.ELECTRON_OVERRIDE_DIST_PATH, executable || 'electron');
    return fs.exists(p)
      ? { ok: true, path: p }
      : { ok: false, reason: `ELECTRON_OVERRIDE_DIST_PATH names ${p}, which does not exist` };
  }
  if (!executable)
    return {
      ok: false,
      reason: 'the Electron binary was never downloaded (node_modules/electron/path.txt is missing)',
    };
  const p = join(pkgDir, 'dist', executable);
  return fs.exists(p) ? { ok: true, path: p } : { ok: false, reason: `the Electron binary ${p} is missing` };
}

export function unavailableMessage(reason: string): string {
  return [
    `The kiosk cannot start here: ${reason}.`,
    'Electron fetches its binary on first use; there is no copy here and it could not be fetched (offline?).',
    '  Try the same wizard in a browser instead:  npm run serve',
    '  With internet access:  node node_modules/electron/install.js  (then npm start again)',
  ].join('\n');
}

export type StartOptions = { dev: boolean; config?: string | undefined };

/** Exit code: Electron's own, 3 when there is no binary, 4 when it cannot be executed. Never a stack trace. */
export async function startCommand(
  opts: StartOptions,
  env: NodeJS.ProcessEnv = process.env,
  lookup: () => BinaryLookup = () => resolveElectronBinary(electronPackageDir(), env),
): Promise<number> {
  const found = lookup();
  if (!found.ok) {
    console.error(unavailableMessage(found.reason));
    return 3;
  }
  // The app folder is the package root: Electron reads its package.json "main" (dist/main/electron/main.js). The
  // nearest folder above with a package.json, from dist/main (tsc) as from dist/server (the bundle).
  let appDir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(appDir, 'package.json')) && dirname(appDir) !== appDir) appDir = dirname(appDir);
  const args = [appDir, ...(opts.dev ? ['--dev'] : []), ...(opts.config ? ['--config', opts.config] : [])];
  const childEnv = { ...env };
  delete childEnv.ELECTRON_RUN_AS_NODE; // would turn the kiosk into a plain Node process
  return new Promise((resolve) => {
    const child = spawn(found.path, args, { stdio: 'inherit', env: childEnv });
    child.on('error', (e: NodeJS.ErrnoException) => {
      console.error(
        `The kiosk cannot start: ${found.path} could not be run (${e.code ?? e.message}). Try: npm run serve`,
      );
      resolve(4);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => child.kill(sig));
  });
}
