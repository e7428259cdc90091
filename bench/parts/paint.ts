// (4) First paint and time to interactive of the wizard in headless Chromium, served by the web host (demo).
// Each load is cold (a new browser context). "Interactive" = the username field is in the page and enabled,
// i.e. the bundle ran, the wizard mounted and fetched `info`: a MutationObserver notes the moment.
import { join } from 'node:path';
import { chromium } from '@playwright/test'; // the declared dependency; playwright-core comes with it
import { startHost } from '../lib/host-process.js';
import { median, percentile } from '../lib/stats.js';
import { demoHostConfig } from './stack-config.js';

export type Paint = {
  loads: number;
  firstPaintMs: number;
  firstContentfulPaintMs: number;
  interactiveMs: number;
  interactiveP90: number;
};

const OBSERVE = `
  new MutationObserver((_, obs) => {
    const input = document.querySelector('input:not([disabled])');
    if (input) { window.__interactive = performance.now(); obs.disconnect(); }
  }).observe(document, { childList: true, subtree: true, attributes: true });`;

export async function measurePaint(
  rendererDir: string,
  workDir: string,
  loads: number,
  executablePath = '/usr/bin/chromium',
): Promise<Paint> {
  const host = await startHost({ ...demoHostConfig(join(workDir, 'outbox-paint.jsonl')), rendererDir });
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  const fp: number[] = [];
  const fcp: number[] = [];
  const tti: number[] = [];
  try {
    for (let i = 0; i < loads + 1; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.addInitScript(OBSERVE);
      await page.goto(`${host.url}/`, { waitUntil: 'load' });
      await page.waitForFunction(() => (globalThis as { __interactive?: number }).__interactive !== undefined, null, {
        timeout: 10_000,
      });
      const m = await page.evaluate(() => ({
        fp: performance.getEntriesByName('first-paint')[0]?.startTime ?? NaN,
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
        tti: (globalThis as { __interactive?: number }).__interactive ?? NaN,
      }));
      await context.close();
      if (i === 0) continue; // the first load warms the browser process itself, not the wizard
      fp.push(m.fp);
      fcp.push(m.fcp);
      tti.push(m.tti);
    }
  } finally {
    await browser.close();
    await host.stop();
  }
  return {
    loads,
    firstPaintMs: median(fp),
    firstContentfulPaintMs: median(fcp),
    interactiveMs: median(tti),
    interactiveP90: percentile(tti, 90),
  };
}
