// Finds the Electron binary the kiosk app tests launch, the way `npm start` does (dist/main/launch.js:
// path.txt, dist/, ELECTRON_OVERRIDE_DIST_PATH; never a download). Without one these tests cannot run, and that is
// said loudly: `npm run test:electron-app` fails with the reason, `npm test` prints NOT RUN (never a pass).
// As a script: prints the binary's path (exit 0), or the banner on stderr (exit 3).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BUILT = ['dist/main/electron/main.js', 'dist/main/electron/preload.cjs', 'dist/renderer/index.html'];

export function notRunBanner(reason) {
  const line = '#'.repeat(100);
  return [
    line,
    '##  NOT RUN: the Electron app tests (test/electron-app, `npm run test:electron-app`).',
    `##  no Electron binary: ${reason}.`,
    '##  They launch the built kiosk in Electron and prove its hardening live; nothing here has shown that.',
    '##  They run in CI with internet (.github/workflows/electron.yml, ubuntu + windows), or here after',
    '##    node node_modules/electron/install.js   (downloads Electron; needs internet)',
    line,
  ].join('\n');
}

/** { ok: true, path } or { ok: false, reason }; the build must exist (npm run build). */
export async function findElectron(env = process.env) {
  for (const f of BUILT)
    if (!existsSync(join(ROOT, f))) return { ok: false, reason: `${f} is missing: run \`npm run build\` first` };
  const { electronPackageDir, resolveElectronBinary } = await import(
    pathToFileURL(join(ROOT, 'dist/main/launch.js')).href
  );
  return resolveElectronBinary(electronPackageDir(), env);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const found = await findElectron();
  if (found.ok) console.log(found.path);
  else {
    console.error(notRunBanner(found.reason));
    process.exit(3);
  }
}
