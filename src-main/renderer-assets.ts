// The built wizard (dist/renderer: index.html and a few hashed assets, ~100 KB) as both hosts serve it: the web
// host (web/static.ts) and the kiosk's app:// protocol (electron/protocol.ts). One table of the file types that
// exist in a build, one loader that reads them once into memory by URL path: only files the build produced can be
// answered, so no path from a request ever reaches the file system.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';

/** The content type of each file type a build may hold; any other file is never served. */
export const RENDERER_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** The content type for a file name, or undefined when it is no file type a build serves. */
export const rendererType = (file: string): string | undefined => RENDERER_TYPES[extname(file)];

export type RendererAsset = { body: Buffer; type: string };

/** Every servable file below `dir` by its URL path ("/assets/index-….js"); `/` is index.html. */
export function loadRendererAssets(dir: string): Map<string, RendererAsset> {
  const assets = new Map<string, RendererAsset>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const file = join(d, name);
      if (statSync(file).isDirectory()) walk(file);
      else {
        const type = rendererType(name);
        if (type) assets.set(`/${relative(dir, file).split(sep).join('/')}`, { body: readFileSync(file), type });
      }
    }
  };
  walk(dir);
  const index = assets.get('/index.html');
  if (index) assets.set('/', index);
  return assets;
}
