// A fresh Wine prefix for one test file, without paying `wineboot -i` (≈ 10 s of CPU, 700 MB written) in every
// file: the prefix is made once per Wine version into a template next to the temp dirs (under a lock, so parallel
// files wait for the one that makes it), and each file gets its own copy. The copy is a real one (registry, drive_c,
// everything a test may write), except the ≈ 550 Wine DLLs in windows/ (650 MB): those are hard links to the
// template's, which no test writes to (they write their own files into the prefix) and Wine only rewrites on a
// version change, which gives a new template.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, linkSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

const WINE_ENV = { WINEDEBUG: '-all', WINEDLLOVERRIDES: 'mscoree,mshtml=' };

/** The template for this Wine build (made when missing), e.g. /tmp/reset-kiosk-wine-template-wine-8.0. */
function template(wine: string): string {
  const version = spawnSync(wine, ['--version'], { encoding: 'utf8' })
    .stdout.trim()
    .replace(/[^\w.-]/g, '_');
  const dir = join(tmpdir(), `reset-kiosk-wine-template-${version || 'unknown'}`);
  if (existsSync(join(dir, '.template-ok'))) return dir;
  // wineboot returns while the prefix's own processes (services, explorer, …) still start: `wineserver -w` waits
  // until they are done, so the template is complete (and no wineserver of it is left) before anyone copies it.
  const make = `set -e
    [ -f "$1/.template-ok" ] && exit 0
    rm -rf "$1"; mkdir -p "$1"
    WINEPREFIX="$1/prefix" "$2" wineboot -i >/dev/null
    WINEPREFIX="$1/prefix" "$(dirname "$2")/wineserver" -w
    touch "$1/.template-ok"`;
  const r = spawnSync('flock', ['-w', '300', `${dir}.lock`, 'bash', '-c', make, 'wine-template', dir, wine], {
    env: { ...process.env, ...WINE_ENV },
    encoding: 'utf8',
    timeout: 360_000,
  });
  if (r.status !== 0)
    throw new Error(`making the Wine prefix template in ${dir} failed (${r.status}): ${r.stderr || String(r.error)}`);
  return dir;
}

function linkDlls(from: string, to: string): void {
  for (const e of readdirSync(from, { withFileTypes: true, recursive: true })) {
    if (!e.isFile() || !e.name.toLowerCase().endsWith('.dll')) continue;
    const src = join(e.parentPath, e.name);
    linkSync(src, join(to, relative(from, dirname(src)), e.name));
  }
}

/**
 * Makes `prefix` (which must not exist) a ready Wine prefix and returns the environment to run Wine in it.
 * `wine` is the wine64 loader (/usr/lib/wine/wine64).
 */
export function winePrefix(prefix: string, wine: string): NodeJS.ProcessEnv {
  const from = join(template(wine), 'prefix');
  const windows = join(from, 'drive_c', 'windows');
  cpSync(from, prefix, {
    recursive: true,
    preserveTimestamps: true, // Wine compares .update-timestamp with its own files: a copy must not look outdated
    verbatimSymlinks: true, // dosdevices/c: → ../drive_c stays relative, z: → / stays /
    filter: (src) => !(src.startsWith(windows) && src.toLowerCase().endsWith('.dll')),
  });
  linkDlls(windows, join(prefix, 'drive_c', 'windows'));
  const env = { ...process.env, ...WINE_ENV, WINEPREFIX: prefix };
  // One wineserver for the file's whole life (-p: persistent; removeWinePrefix stops it): without it each Wine run
  // starts a server, and with it the prefix's services (services.exe, explorer, …), again once the previous run has
  // ended. A first run starts those services here, with no pipes: a test's own run must not wait for background
  // processes that inherited its stdout.
  spawnSync(join(dirname(wine), 'wineserver'), ['-p'], { env, stdio: 'ignore', timeout: 30_000 });
  const warm = spawnSync(wine, ['cmd', '/c', 'exit'], { env, stdio: 'ignore', timeout: 120_000 });
  if (warm.status !== 0) throw new Error(`Wine did not start in ${prefix}: ${warm.error?.message ?? warm.status}`);
  return env;
}

/** Stops this prefix's wineserver (and with it every Wine process in it) and removes the prefix. */
export function removeWinePrefix(prefix: string, wine: string): void {
  spawnSync(join(dirname(wine), 'wineserver'), ['-k'], {
    env: { ...process.env, WINEPREFIX: prefix },
    stdio: 'ignore',
    timeout: 30_000,
  });
  rmSync(prefix, { recursive: true, force: true });
}
