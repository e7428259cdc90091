// (3) What the wizard costs to load: its JS and CSS as built in dist/renderer, gzip-compressed (level 9, what
// a web server or the asar archive would hand over is no smaller).
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

export type Sizes = { jsBytes: number; jsGzip: number; cssBytes: number; cssGzip: number; files: string[] };

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}

export function measureSizes(rendererDir: string): Sizes {
  const sizes: Sizes = { jsBytes: 0, jsGzip: 0, cssBytes: 0, cssGzip: 0, files: [] };
  for (const file of walk(rendererDir)) {
    const ext = extname(file);
    if (ext !== '.js' && ext !== '.css') continue;
    const bytes = readFileSync(file);
    const gz = gzipSync(bytes, { level: 9 }).length;
    if (ext === '.js') {
      sizes.jsBytes += bytes.length;
      sizes.jsGzip += gz;
    } else {
      sizes.cssBytes += bytes.length;
      sizes.cssGzip += gz;
    }
    sizes.files.push(file.slice(rendererDir.length + 1));
  }
  return sizes;
}
