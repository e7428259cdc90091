// The built wizard (dist/renderer: index.html and a few hashed assets, ~100 KB) is read once at start-up and
// served from memory. Only the files the build produced exist: a request names one of them exactly or gets the
// product's 404, so no path from a request ever reaches the file system (no traversal to defend against).
// This replaced @fastify/static, which cost ~5 MB of memory and a slower start to serve three files.
import type { FastifyInstance } from 'fastify';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

type Asset = { body: Buffer; type: string };

/** Every file below `dir` by its URL path ("/assets/index-….js"); `/` is index.html. */
export function loadAssets(dir: string): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const file = join(d, name);
      if (statSync(file).isDirectory()) walk(file);
      else {
        const type = TYPES[extname(name)];
        if (type) assets.set(`/${relative(dir, file).split(sep).join('/')}`, { body: readFileSync(file), type });
      }
    }
  };
  walk(dir);
  const index = assets.get('/index.html');
  if (index) assets.set('/', index);
  return assets;
}

export function serveAssets(server: FastifyInstance, assets: Map<string, Asset>): void {
  for (const [path, asset] of assets) {
    server.get(path, async (_req, reply) => reply.type(asset.type).send(asset.body));
  }
}
