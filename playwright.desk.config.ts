// Browser tests of the servicedesk page (`npx playwright test -c playwright.desk.config.ts`, after `npm run build`):
// the real host (`node dist/server/bin.js serve`) with the admin listener and the desk on, the demo directory and
// agents, the SMS outbox, and an audit trail seeded with a fixed week (test/e2e-desk/seed.ts) for the usage page.
import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';
import { findBrowser } from './test/e2e/find-browser.mjs';
import { deskHost } from './test/e2e-desk/host.js';

for (const file of ['dist/server/bin.js', 'dist/desk/desk.html']) {
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first.`);
}
const host = deskHost();

export default defineConfig({
  testDir: 'test/e2e-desk',
  testMatch: '*.spec.ts',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  // The README's pictures of the page, on request only: `npm run screenshots`.
  grepInvert: process.env.RK_SCREENSHOTS ? undefined : /@screenshot/,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: 'list',
  use: {
    browserName: 'chromium',
    headless: true,
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    viewport: { width: 1280, height: 800 },
    baseURL: `${host.adminUrl}/desk/`,
    launchOptions: { executablePath: findBrowser(), args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] },
  },
  webServer: {
    command: `node dist/server/bin.js serve --config "${host.configFile}"`,
    url: `${host.wizardUrl}/healthz`,
    env: {
      HOST: '127.0.0.1',
      PORT: String(host.wizardPort),
      RESET_KIOSK_ADMIN_TOKEN: 'e2e-desk-token-'.padEnd(40, 'x'),
      RESET_KIOSK_OUTBOX: host.outbox,
    },
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
