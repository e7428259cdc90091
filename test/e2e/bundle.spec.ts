// The built wizard (dist/renderer) as the hosts serve it: nothing inline (the CSP is `script-src 'self';
// style-src 'self'`), and small enough for a kiosk on a slow hospital network (issue 4: report gzip size).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';

const DIR = 'dist/renderer';
const JS_BUDGET_GZIP = 40 * 1024;
const assets = readdirSync(join(DIR, 'assets'));
const gzipped = (file: string) => gzipSync(readFileSync(join(DIR, 'assets', file)), { level: 9 }).length;

test('index.html has no inline script or style', () => {
  const html = readFileSync(join(DIR, 'index.html'), 'utf8');
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
  expect(html).not.toMatch(/<style/i);
  expect(html).not.toMatch(/\sstyle=/i);
  expect(html).toMatch(/<script type="module" crossorigin src="\.\/assets\/[\w-]+\.js">/);
});

test(`the wizard's JavaScript is at most ${JS_BUDGET_GZIP / 1024} KB gzip and holds no zod`, () => {
  const js = assets.filter((f) => f.endsWith('.js'));
  expect(js.length).toBeGreaterThan(0);
  const total = js.reduce((sum, f) => sum + gzipped(f), 0);
  console.log(
    `renderer JS: ${(total / 1024).toFixed(1)} KB gzip; CSS: ${(assets.filter((f) => f.endsWith('.css')).reduce((s, f) => s + gzipped(f), 0) / 1024).toFixed(1)} KB gzip`,
  );
  expect(total).toBeLessThanOrEqual(JS_BUDGET_GZIP);
  for (const f of js) expect(readFileSync(join(DIR, 'assets', f), 'utf8')).not.toContain('ZodError');
});
