// electron-builder beforePack hook: a Windows package must carry the logon tile. Without it electron-builder
// would only warn ("file source doesn't exist") and ship an installer whose install.ps1 cannot register
// the tile. Other platforms do not need it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const TILE_DLL = join('dist', 'logon-tile', 'wachtwoord-vergeten-tile.dll');

export default async function requireLogonTile(context) {
  if (context.electronPlatformName !== 'win32') return;
  const dll = join(context.packager.projectDir, TILE_DLL);
  if (!existsSync(dll)) throw new Error(`${TILE_DLL} is missing: run \`npm run build:logon-tile\` before building for Windows`);
}
