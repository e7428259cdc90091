// Locates files in resources/ both from source (tsx/vitest) and from the build (dist/main) and the packaged app.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** Walks up from this module to the first folder that has resources/ (repo root or app.asar root). */
export function resourcePath(name: string): string {
  for (let dir = here, i = 0; i < 5; i++, dir = dirname(dir)) {
    const candidate = join(dir, 'resources', name);
    if (existsSync(candidate)) return candidate;
  }
  return resolve(here, '..', 'resources', name);
}
