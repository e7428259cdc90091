// Every TypeScript and Svelte file gets typescript-eslint's type-checked rules (eslint.config.js), with the
// tsconfig whose program knows it: a glob that misses a folder would let that folder's findings pass unseen while
// `npm run lint` stays green. Checked on the resolved configuration of each real file (quick: no type program is
// built here; `npm run lint` runs the rules themselves).
import { ESLint } from 'eslint';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SKIP = new Set(['node_modules', 'dist', 'test-results', 'playwright-report', '.tmp']);
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    SKIP.has(e.name) || e.name.startsWith('build')
      ? []
      : e.isDirectory()
        ? files(join(dir, e.name))
        : /\.(ts|svelte)$/.test(e.name) && !e.name.endsWith('.d.ts')
          ? [join(dir, e.name)]
          : [],
  );
const ALL = [
  ...['src-main', 'src-renderer', 'bench', 'test'].flatMap(files),
  ...readdirSync('.').filter((f) => f.endsWith('.config.ts')),
];

type Resolved = {
  rules?: Record<string, unknown>;
  languageOptions?: { parserOptions?: { project?: unknown; projectService?: unknown } };
};
const eslint = new ESLint();
/** How the file is linted: whether a type-checked rule is on, and which program gives it its types. */
async function typedLint(file: string) {
  const c = (await eslint.calculateConfigForFile(file)) as Resolved;
  const severity = [c.rules?.['@typescript-eslint/no-floating-promises']].flat()[0];
  const { project, projectService } = c.languageOptions?.parserOptions ?? {};
  return {
    on: severity === 2 || severity === 'error',
    types: projectService === true ? 'tsconfig.json' : typeof project === 'string' ? project : 'none',
  };
}

describe('type-checked lint coverage', () => {
  it('finds the files it is about (the walk is not empty)', () => {
    for (const where of ['src-main/', 'src-renderer/', 'bench/', 'test/unit/', 'test/e2e/', 'test/unit/renderer/'])
      expect(ALL.filter((f) => f.startsWith(where)).length, where).toBeGreaterThan(0);
    expect(ALL.some((f) => f.endsWith('.svelte'))).toBe(true);
  });

  it('every .ts and .svelte file, tests included, is linted with type information from its own tsconfig', async () => {
    const wrong: string[] = [];
    for (const file of ALL) {
      const { on, types } = await typedLint(file);
      const browser = file.startsWith('src-renderer/') || file.startsWith('test/unit/renderer/');
      const expected = browser ? './tsconfig.renderer.json' : 'tsconfig.json';
      if (!on || types !== expected)
        wrong.push(`${file}: type-checked rules ${on ? 'on' : 'off'}, types from ${types}`);
    }
    expect(wrong).toEqual([]);
  });
});
