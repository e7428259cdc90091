// The boundaries of DESIGN.md, checked on the source itself (eslint enforces the same while editing).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : /\.(ts|svelte)$/.test(e.name) ? [join(dir, e.name)] : []));
const imports = (file: string) => [...readFileSync(file, 'utf8').matchAll(/^\s*import\s(?:type\s)?[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]!);

describe('architecture', () => {
  it('src-main/core imports nothing from electron, fastify, svelte or an HTTP server', () => {
    const bad = files('src-main/core').flatMap((f) => imports(f).filter((i) => /^(electron|fastify|@fastify\/|svelte|node:https?$|https?$)/.test(i)).map((i) => `${f}: ${i}`));
    expect(bad).toEqual([]);
  });

  it('src-renderer imports nothing from Node or Electron', () => {
    const bad = files('src-renderer').flatMap((f) => imports(f).filter((i) => /^(electron|node:|fs$|path$|zod)/.test(i)).map((i) => `${f}: ${i}`));
    expect(bad).toEqual([]);
  });
});
