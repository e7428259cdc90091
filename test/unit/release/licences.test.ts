// The release is EUPL-1.2 (LICENSE). Every package it installs in production (package-lock.json, without the
// dev dependencies) must be under a permissive licence that may be combined with it; a new dependency under
// another licence (GPL, AGPL, SSPL, none at all) fails here until someone has checked it and listed it in
// CHANGELOG.md's licence section.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

const PERMISSIVE = new Set(['MIT', 'ISC', 'BSD-2-Clause', 'BSD-3-Clause', 'Apache-2.0', '(MIT OR CC0-1.0)', '0BSD']);

type Lock = { packages: Record<string, { dev?: boolean; license?: string; version?: string }> };
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as Lock;
const production = Object.entries(lock.packages).filter(([path, p]) => path !== '' && !p.dev);

it('declares EUPL-1.2 in package.json and ships its text', () => {
  expect((JSON.parse(readFileSync('package.json', 'utf8')) as { license: string }).license).toBe('EUPL-1.2');
  expect(readFileSync('LICENSE', 'utf8')).toMatch(/^EUROPEAN UNION PUBLIC LICENCE v\. 1\.2\n/);
});

it('installs only permissively licensed packages in production', () => {
  expect(production.length).toBeGreaterThan(50);
  const others = production
    .filter(([, p]) => !PERMISSIVE.has(p.license ?? ''))
    .map(([path, p]) => `${path.replace(/^.*node_modules\//, '')}@${p.version}: ${p.license ?? 'no licence'}`);
  expect(others).toEqual([]);
});

it("names in CHANGELOG.md each Apache-2.0 package (not on the EUPL appendix's list)", () => {
  const changelog = readFileSync('CHANGELOG.md', 'utf8');
  const apache = new Set(
    production.filter(([, p]) => p.license === 'Apache-2.0').map(([path]) => path.replace(/^.*node_modules\//, '')),
  );
  for (const name of apache) expect(changelog, name).toContain(name);
});
