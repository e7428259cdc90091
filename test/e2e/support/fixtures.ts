// The test fixture every spec uses: a Kiosk page object on the main host, its outbox, and a guard that
// fails the test on any page error or CSP violation (the hosts send `script-src 'self'; style-src 'self'`,
// so an inline script or style in the build shows up here).
import { test as base, expect } from '@playwright/test';
import { Kiosk } from './kiosk.js';
import { Outbox } from './outbox.js';
import { servers, type ServerName } from './servers.js';

type Fixtures = { server: ServerName; kiosk: Kiosk; pageErrors: string[] };

export const test = base.extend<Fixtures>({
  server: ['main', { option: true }],

  baseURL: async ({ server }, use) => use(servers()[server].url),

  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      page.on('console', (msg) => {
        // A Failure answer with HTTP 4xx/5xx is expected in error paths; the browser logs those as errors.
        if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource'))
          errors.push(`console: ${msg.text()}`);
      });
      await use(errors);
      expect(errors, 'the page logged errors (CSP violation?)').toEqual([]);
    },
    { auto: true },
  ],

  kiosk: async ({ page, server }, use) => use(new Kiosk(page, new Outbox(servers()[server].outbox))),
});

export { expect };
