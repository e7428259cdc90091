// Finds the Chromium the browser tests drive: $CHROMIUM_PATH, Debian's /usr/bin/chromium, or Playwright's own.
// When there is none, it stops with the exact command that installs one: never a silent skip.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

export function findBrowser() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const path of candidates) if (path && existsSync(path)) return path;
  try {
    // Playwright's own download (npx playwright install chromium), where the machine has internet.
    const { chromium } = createRequire(import.meta.url)('@playwright/test');
    const own = chromium?.executablePath?.();
    if (own && existsSync(own)) return own;
  } catch {
    /* not installed */
  }
  const message = [
    'No Chromium found for the browser tests.',
    'Install one and run the tests again:',
    '  Debian/Ubuntu:  sudo apt-get install -y chromium',
    '  elsewhere:      npx playwright install chromium',
    'or point CHROMIUM_PATH at a Chromium or Chrome binary.',
  ].join('\n');
  throw new Error(message);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    console.log(findBrowser());
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}
