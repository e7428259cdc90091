/** $CHROMIUM_PATH, Debian's /usr/bin/chromium, or Playwright's own; throws with the install command when none exists. */
export function findBrowser(): string;
