// electron-builder beforePack hook: a Windows package must carry its two native parts. Without them
// electron-builder would only warn ("file source doesn't exist") and ship an installer whose install.ps1 cannot
// register the tile, or a kiosk whose local mode cannot read its AD password. Other platforms need neither.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const TILE_DLL = join('dist', 'logon-tile', 'wachtwoord-vergeten-tile.dll');
export const MACHINE_SECRET_EXE = join('dist', 'machine-secret', 'read-machine-secret.exe');

const NATIVE = [
  [TILE_DLL, 'npm run build:logon-tile'],
  [MACHINE_SECRET_EXE, 'npm run build:machine-secret'],
];

export default async function requireNativeParts(context) {
  if (context.electronPlatformName !== 'win32') return;
  for (const [file, script] of NATIVE) {
    if (!existsSync(join(context.packager.projectDir, file)))
      throw new Error(`${file} is missing: run \`${script}\` before building for Windows`);
  }
}
