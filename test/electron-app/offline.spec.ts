// Central mode when the service cannot be reached (issue 13): the kiosk shows its own offline page — Dutch first,
// the servicedesk from kiosk.json, under the kiosk CSP — instead of a blank window; the retry link loads the
// central URL again, a 5xx answer also shows it, and the idle wipe still runs on it. The "central service" is a
// local HTTPS server with a certificate from a CA made for this run (openssl), pinned in kiosk.json.
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOfflineTexts } from '../../src-main/electron/central/offline-text.js';
import { launchKiosk, windowState, type KioskApp, type PageGlobals } from './support/kiosk-app.js';

const OFFLINE_TEXT = loadOfflineTexts('dist/renderer'); // what the built kiosk shows

const pki = mkdtempSync(join(tmpdir(), 'rk-electron-pki-'));
function openssl(...args: string[]): void {
  try {
    execFileSync('openssl', args, { cwd: pki, stdio: 'pipe' });
  } catch (e) {
    throw new Error(`openssl is needed to make the test CA (apt-get install -y openssl): ${(e as Error).message}`);
  }
}
function makePki(): { ca: string; key: string; cert: string } {
  openssl('ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', 'ca.key');
  openssl(
    'req',
    '-x509',
    '-new',
    '-key',
    'ca.key',
    '-subj',
    '/CN=Kiosk Test Root',
    '-days',
    '2',
    '-out',
    'ca.pem',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  );
  openssl('ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', 'server.key');
  openssl('req', '-new', '-key', 'server.key', '-subj', '/CN=127.0.0.1', '-out', 'server.csr');
  writeFileSync(
    join(pki, 'server.ext'),
    'basicConstraints=CA:FALSE\nsubjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n',
  );
  openssl(
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-days',
    '2',
    '-extfile',
    'server.ext',
    '-out',
    'server.pem',
  );
  return {
    ca: join(pki, 'ca.pem'),
    key: readFileSync(join(pki, 'server.key'), 'utf8'),
    cert: readFileSync(join(pki, 'server.pem'), 'utf8'),
  };
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createNetServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

const SERVICEDESK = { name: 'Servicedesk Test', phone: '0000 – 111 222', email: 'hulp@zorg.example' };
let k: KioskApp;
let server: Server;
let answer: 200 | 503 = 200;
let central = '';
let port = 0;
const userAgents: string[] = [];
const onOfflinePage = async () => /^app:\/\/kiosk\/offline\.html\?reden=/.test((await windowState(k.app)).url);

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  const p = makePki();
  port = await freePort();
  central = `https://127.0.0.1:${port}/`;
  server = createServer({ key: p.key, cert: p.cert }, (req, res) => {
    userAgents.push(req.headers['user-agent'] ?? '');
    res.writeHead(answer, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(
      answer === 200
        ? '<!doctype html><html lang="nl"><title>Centrale dienst</title><h1>Centrale dienst</h1></html>'
        : 'maintenance',
    );
  });
  // It listens only from the retry test on: until then the kiosk finds nothing at the central URL.
  k = await launchKiosk({
    mode: 'central',
    centralUrl: central,
    caFile: p.ca,
    idleSeconds: 15,
    servicedesk: SERVICEDESK,
  });
});
test.afterAll(async () => {
  await k?.close();
  server?.close();
  rmSync(pki, { recursive: true, force: true });
});

test('service down: the offline page, Dutch first, with the servicedesk from kiosk.json, instead of a blank window', async () => {
  await expect.poll(onOfflinePage, { timeout: 20_000 }).toBe(true);
  await expect(k.page.getByRole('heading', { level: 1 })).toHaveText(OFFLINE_TEXT.nl.title);
  await expect(k.page.getByRole('heading', { level: 2 })).toHaveText(OFFLINE_TEXT.en.title);
  for (const text of [SERVICEDESK.name, SERVICEDESK.phone, SERVICEDESK.email])
    await expect(k.page.getByText(text).first()).toBeVisible();
  await expect(k.page.locator('code')).toHaveText(/^ERR_CONNECTION_REFUSED \(-102\)$/);
  await expect(k.page.getByRole('link', { name: OFFLINE_TEXT.nl.retry })).toHaveAttribute('href', central);
});

test('the offline page runs under the kiosk CSP and has no preload: an injected inline script does not run', async () => {
  const facts = await k.page.evaluate(() => {
    const g = globalThis as unknown as PageGlobals & { rkInline?: number };
    const s = g.document.createElement('script');
    s.textContent = 'globalThis.rkInline = 1';
    g.document.head.append(s);
    return { inline: g.rkInline ?? 0, api: typeof g.resetKiosk };
  });
  expect(facts).toEqual({ inline: 0, api: 'undefined' });
});

test('the retry link loads the central URL again: with the service back, its wizard shows', async () => {
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  await k.page.getByRole('link', { name: OFFLINE_TEXT.nl.retry }).click();
  await expect(k.page.getByRole('heading', { level: 1 })).toHaveText('Centrale dienst');
  expect((await windowState(k.app)).url).toBe(central);
});

test('the central page names the kiosk in its user agent, and its in-page end signal ends the session (here: a wipe)', async () => {
  expect(userAgents.at(-1)).toMatch(/ reset-kiosk\/[A-Za-z0-9._-]{1,64}$/);
  await k.page.evaluate(() => void ((globalThis as unknown as { rkBeforeEnd: number }).rkBeforeEnd = 1));
  // What the central wizard does on Annuleren at the first step (src-renderer/kiosk-signal.ts).
  await k.page.evaluate(() =>
    (globalThis as unknown as { location: { replace(u: string): void } }).location.replace('#/kiosk/end/left'),
  );
  // Not the kiosk account on a logon screen: main wipes and loads the central URL again (a new document).
  await expect
    .poll(() => k.page.evaluate(() => (globalThis as unknown as { rkBeforeEnd?: number }).rkBeforeEnd ?? null), {
      timeout: 10_000,
    })
    .toBeNull();
  expect((await windowState(k.app)).url).toBe(central);
});

test('a 5xx answer from the service shows the offline page too', async () => {
  answer = 503;
  await k.app.evaluate(
    ({ BrowserWindow }, url) =>
      void BrowserWindow.getAllWindows()[0]!
        .webContents.loadURL(url)
        .catch(() => undefined),
    central,
  );
  await expect.poll(onOfflinePage).toBe(true);
  await expect(k.page.locator('code')).toHaveText('HTTP 503');
});

test('the idle wipe still runs on the offline page: it reloads the central URL by itself', async () => {
  answer = 200;
  await k.page.keyboard.press('Shift'); // one input, then none: a fresh idle stretch of 15 s
  await expect(k.page.getByRole('heading', { level: 1 })).toHaveText('Centrale dienst', { timeout: 40_000 });
});
