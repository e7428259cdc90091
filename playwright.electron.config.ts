// The Electron app tests (`npm run test:electron-app`): the built kiosk, launched in a real Electron by Playwright's
// _electron, in demo mode (and central mode for the offline page). Without an Electron binary this config fails with
// the reason — the tests never pass by not running. One worker: each test starts its own kiosk, one at a time
// (the kiosk holds a single-instance lock).
import { defineConfig } from '@playwright/test';
import { findElectron, notRunBanner } from './test/electron-app/find-electron.mjs';

const found = await findElectron();
if (!found.ok) throw new Error(`\n${notRunBanner(found.reason)}\n`);
process.env.RK_ELECTRON_BINARY = found.path; // the workers inherit it

export default defineConfig({
  testDir: 'test/electron-app',
  testMatch: '*.spec.ts',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI
    ? [['list'], ['html', { open: 'never', outputFolder: 'playwright-report/electron-app' }]]
    : 'list',
  outputDir: 'test-results/electron-app',
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
});
