// Browser tests: the real web host (`node dist/main/cli.js serve`, built by `npm run build`) in demo mode,
// driven in Chromium. Two hosts: `main`, and `shortCode` whose codes expire after 2 s (expired-code test).
// One worker: tests share the demo users and read their codes from the same outbox, and a run stays short.
import { defineConfig } from '@playwright/test';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { findBrowser } from './test/e2e/find-browser.mjs';
import { prepareServers, servers } from './test/e2e/support/servers.js';

for (const file of ['dist/main/cli.js', 'dist/renderer/index.html']) {
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first (npm test does).`);
}
// A stale build silently tests yesterday's wizard: say so (npm test always builds first).
const newest = (dir: string): number =>
  Math.max(...readdirSync(dir, { withFileTypes: true }).map((e) => (e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs)));
if (statSync('dist/renderer/index.html').mtimeMs < newest('src-renderer')) {
  console.warn('warning: dist/renderer is older than src-renderer: run `npm run build` to test the current wizard');
}

prepareServers();
const hosts = Object.values(servers());

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '*.spec.ts',
  // Screenshots for the README are made on request only: `npm run screenshots`.
  grepInvert: process.env.RK_SCREENSHOTS ? undefined : /@screenshot/,
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  globalTeardown: './test/e2e/support/teardown.ts',
  use: {
    browserName: 'chromium',
    headless: true,
    locale: 'nl-NL',
    viewport: { width: 1280, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: findBrowser(),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: hosts.map((h) => ({
    command: `node dist/main/cli.js serve --config "${h.configFile}"`,
    url: `${h.url}/healthz`,
    env: { HOST: '127.0.0.1', PORT: String(h.port), RESET_KIOSK_OUTBOX: h.outbox },
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
  })),
});
