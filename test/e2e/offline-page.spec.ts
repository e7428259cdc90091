// The kiosk's offline page (central mode, src-main/electron/central/offline*.ts) in a real Chromium, since Electron cannot run
// here: served by the same handler and headers as app://kiosk (over plain HTTP for the browser), it renders with
// its style sheet and no CSP complaint, passes axe, and the kiosk CSP stops a script injected into it.
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import { serveOfflineRequest } from '../../src-main/electron/central/offline.js';
import { offlineUrl } from '../../src-main/electron/central/offline-page.js';
import { loadOfflineTexts } from '../../src-main/electron/central/offline-text.js';
import { parseSettings } from '../../src-main/settings/schema.js';

const CENTRAL = 'https://reset.zorg.example/';
/** The words as the build wrote them for the kiosk (dist/renderer/offline-text.json): the shipped file. */
const OFFLINE_TEXT = loadOfflineTexts('dist/renderer');
let server: Server;
let base = '';
test.beforeAll(async () => {
  const info = { retryUrl: CENTRAL, servicedesk: parseSettings({}).servicedesk, texts: OFFLINE_TEXT };
  server = createServer((req, res) => {
    const answer = serveOfflineRequest(`app://kiosk${req.url ?? '/'}`, info);
    res.writeHead(answer.status, Object.fromEntries(answer.headers));
    void answer.arrayBuffer().then((body) => res.end(Buffer.from(body)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
test.afterAll(() => void server?.close());

test('renders styled, accessible and without a CSP complaint; an injected script does not run', async ({ page }) => {
  const errors: string[] = [];
  const failed: string[] = [];
  // Chromium (not Electron) asks for /favicon.ico by itself; every other answer must be a 2xx.
  page.on('response', (r) => void (r.status() >= 400 && !r.url().endsWith('/favicon.ico') && failed.push(r.url())));
  page.on(
    'console',
    (m) => void (m.type() === 'error' && !m.text().startsWith('Failed to load resource') && errors.push(m.text())),
  );
  page.on('pageerror', (e) => errors.push(e.message));
  const url = new URL(offlineUrl('ERR_CONNECTION_REFUSED (-102)'));
  await page.goto(`${base}${url.pathname}${url.search}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(OFFLINE_TEXT.nl.title);
  await expect(page.getByRole('link', { name: OFFLINE_TEXT.nl.retry })).toHaveAttribute('href', CENTRAL);
  await expect(page.getByRole('link', { name: OFFLINE_TEXT.nl.retry })).toHaveCSS(
    'background-color',
    'rgb(0, 90, 156)',
  ); // offline.css applied
  expect([errors, failed]).toEqual([[], []]);
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(violations.map((v) => v.id)).toEqual([]);

  const ran = await page.evaluate(() => {
    const g = globalThis as unknown as {
      rkInline?: number;
      document: { createElement(t: 'script'): { textContent: string }; head: { append(n: unknown): void } };
    };
    const s = g.document.createElement('script');
    s.textContent = 'globalThis.rkInline = 1';
    g.document.head.append(s);
    return g.rkInline ?? 0;
  });
  expect(ran).toBe(0);
  await expect.poll(() => errors.some((e) => /Content Security Policy/.test(e))).toBe(true);
});
