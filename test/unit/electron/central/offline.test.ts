// Central mode's offline page: which load failures show it, the page itself (Dutch first, English second, the
// settings' servicedesk, a plain-link retry to the central URL) and that app:// serves it under the kiosk CSP.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../../src-main/core/ports/log.js';
import { KIOSK_CSP } from '../../../../src-main/electron/window/csp.js';
import {
  ERR_ABORTED,
  offlineReason,
  serveOfflineRequest,
  setupOfflinePage,
} from '../../../../src-main/electron/central/offline.js';
import {
  OFFLINE_URL,
  offlineUrl,
  reasonFrom,
  renderOfflinePage,
} from '../../../../src-main/electron/central/offline-page.js';
import {
  loadOfflineTexts,
  OFFLINE_TEXT_FILE,
  offlineTextsFrom,
} from '../../../../src-main/electron/central/offline-text.js';
import { parseSettings } from '../../../../src-main/settings/schema.js';
import { en } from '../../../../src-renderer/i18n/en.js';
import { nl } from '../../../../src-renderer/i18n/nl.js';
import { offlineTextPlugin } from '../../../../vite.config.js';

const CENTRAL = 'https://reset.zorg.example/wizard/';
const texts = offlineTextsFrom({ nl, en });
const info = { retryUrl: CENTRAL, servicedesk: parseSettings({}).servicedesk, texts };
const failed = (errorCode: number, errorDescription: string, isMainFrame = true, url = CENTRAL) => ({
  kind: 'failed' as const,
  errorCode,
  errorDescription,
  url,
  isMainFrame,
});

describe('when the offline page shows', () => {
  it('every main-frame failure: DNS, refused, timeout, the pinned-CA check, a blocked redirect', () => {
    expect(offlineReason(failed(-105, 'ERR_NAME_NOT_RESOLVED'))).toBe('ERR_NAME_NOT_RESOLVED (-105)');
    for (const [code, name] of [
      [-102, 'ERR_CONNECTION_REFUSED'],
      [-118, 'ERR_CONNECTION_TIMED_OUT'],
      [-2, 'ERR_FAILED'],
      [-202, 'ERR_CERT_AUTHORITY_INVALID'],
      [-20, 'ERR_BLOCKED_BY_CLIENT'],
      [-106, 'ERR_INTERNET_DISCONNECTED'],
    ] as const) {
      expect(offlineReason(failed(code, name)), name).toBe(`${name} (${code})`);
    }
    expect(offlineReason({ kind: 'navigated', url: CENTRAL, httpResponseCode: 503 })).toBe('HTTP 503');
    expect(offlineReason({ kind: 'navigated', url: CENTRAL, httpResponseCode: 500 })).toBe('HTTP 500');
  });

  it('not for a sub-frame, an aborted load, a 2xx/4xx answer, or the offline page itself (no loop)', () => {
    expect(offlineReason(failed(-105, 'ERR_NAME_NOT_RESOLVED', false))).toBeUndefined();
    expect(offlineReason(failed(ERR_ABORTED, 'ERR_ABORTED'))).toBeUndefined();
    for (const status of [200, 304, 404, 429, -1])
      expect(offlineReason({ kind: 'navigated', url: CENTRAL, httpResponseCode: status })).toBeUndefined();
    expect(offlineReason(failed(-6, 'ERR_FILE_NOT_FOUND', true, offlineUrl('x')))).toBeUndefined();
  });
});

describe('the offline page', () => {
  const html = renderOfflinePage(info, 'ERR_CONNECTION_REFUSED (-102)');

  it('Dutch first, then English, with the servicedesk from the settings and a retry to the central URL', () => {
    expect(html.indexOf('lang="nl"')).toBeLessThan(html.indexOf('lang="en"'));
    expect(html).toMatch(/^<!doctype html>\n<html lang="nl">/);
    for (const t of ['Servicedesk ICT', '0485 – 845 900', 'servicedesk@pantein.nl']) expect(html).toContain(t);
    expect([...html.matchAll(/<a href="([^"]+)">([^<]+)<\/a>/g)].map((m) => [m[1], m[2]])).toEqual([
      [CENTRAL, 'Opnieuw proberen'],
      [CENTRAL, 'Try again'],
    ]);
    expect(html).toContain('<p class="ref">Referentie: <code>ERR_CONNECTION_REFUSED (-102)</code></p>');
    expect(html).toContain('<p class="ref">Reference: <code>ERR_CONNECTION_REFUSED (-102)</code></p>');
  });

  it('says what the wizard says when the service is unavailable: its message sets are the only text set', () => {
    const text = (s: string) => s.replace(/<[^>]+>/g, '');
    for (const m of [nl, en]) {
      const { title, lines } = m.errors.unavailable({ host: 'kiosk', channel: '', phone: '' });
      for (const t of [title, ...lines, m.retry, m.servicedesk.intro, m.servicedesk.phone, m.servicedesk.email])
        expect(html, t).toContain(t);
      expect(text(html)).toContain(m.servicedesk.reference('ERR_CONNECTION_REFUSED (-102)'));
    }
    expect(html.match(/<h1>([^<]+)<\/h1>/)?.[1]).toBe(
      nl.errors.unavailable({ host: 'kiosk', channel: '', phone: '' }).title,
    );
    expect(html.match(/<h2>([^<]+)<\/h2>/)?.[1]).toBe(
      en.errors.unavailable({ host: 'kiosk', channel: '', phone: '' }).title,
    );
  });

  it('main reads the words the renderer build wrote (vite.config.ts), and refuses a file that is not that', () => {
    const written = new Map<string, string>();
    const ctx = { emitFile: (f: { fileName: string; source: string }) => void written.set(f.fileName, f.source) };
    (offlineTextPlugin().generateBundle as unknown as (this: typeof ctx) => void).call(ctx);
    expect([...written.keys()]).toEqual([OFFLINE_TEXT_FILE]);
    expect(loadOfflineTexts('/r', () => written.get(OFFLINE_TEXT_FILE)!)).toEqual(texts);
    expect(() => loadOfflineTexts('/r', () => JSON.stringify({ nl: texts.nl }))).toThrow(
      /offline-text\.json is not the renderer build's offline text/,
    );
    expect(() =>
      loadOfflineTexts('/r', () => JSON.stringify({ ...texts, en: { ...texts.en, reference: ['x'] } })),
    ).toThrow(/not the renderer build's/);
  });

  it('no script, no inline style, no data: URL, nothing from elsewhere: it lives under the kiosk CSP', () => {
    expect(html).not.toMatch(/<script|\sstyle=|<style|data:|javascript:|\son[a-z]+=/i);
    expect(html).toContain('<link rel="stylesheet" href="offline.css">');
  });

  it('escapes what comes from the settings and shows only a reason that looks like one', () => {
    const evil = renderOfflinePage(
      {
        retryUrl: 'https://x/"><script>',
        servicedesk: { name: '<b>x</b>', phone: '1 & 2', email: 'a@b.nl', hours: '"8-17"' },
        texts,
      },
      undefined,
    );
    expect(evil).not.toMatch(/<script>|<b>/);
    expect(evil).toContain('&#60;b&#62;x&#60;/b&#62;');
    expect(evil).toContain('1 &#38; 2');
    expect(reasonFrom(offlineUrl('HTTP 503'))).toBe('HTTP 503');
    expect(reasonFrom(`${OFFLINE_URL}?reden=${encodeURIComponent('<img src=x onerror=alert(1)>')}`)).toBeUndefined();
    expect(reasonFrom(OFFLINE_URL)).toBeUndefined();
  });
});

describe('app:// in central mode', () => {
  it('serves the page and its style sheet with the kiosk CSP, and nothing else', async () => {
    const page = serveOfflineRequest(offlineUrl('HTTP 502'), info);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(KIOSK_CSP);
    expect(await page.text()).toContain('<code>HTTP 502</code>');
    const css = serveOfflineRequest('app://kiosk/offline.css', info);
    expect([css.status, css.headers.get('content-type'), css.headers.get('content-security-policy')]).toEqual([
      200,
      'text/css; charset=utf-8',
      KIOSK_CSP,
    ]);
    for (const url of [
      'app://kiosk/index.html',
      'app://kiosk/',
      'app://other/offline.html',
      'app://kiosk/assets/index.js',
    ]) {
      const r = serveOfflineRequest(url, info);
      expect([r.status, r.headers.get('content-security-policy')], url).toEqual([404, KIOSK_CSP]);
    }
  });

  it('wiring: a failed or 5xx main-frame load loads the offline page; its own failure does not', async () => {
    const contents = Object.assign(new EventEmitter(), {
      urls: [] as string[],
      loadURL: (u: string) => Promise.resolve(void contents.urls.push(u)),
      isDestroyed: () => false,
    });
    let scheme = '';
    let handler: ((req: { url: string }) => Promise<Response>) | undefined;
    const ses = { protocol: { handle: (s: string, h: typeof handler) => ((scheme = s), (handler = h)) } };
    setupOfflinePage({ ses: ses as never, contents, info, log: silentLogger });
    expect(scheme).toBe('app');
    expect((await handler!({ url: OFFLINE_URL })).status).toBe(200);
    contents.emit('did-fail-load', {}, -102, 'ERR_CONNECTION_REFUSED', CENTRAL, true);
    contents.emit('did-fail-load', {}, -102, 'ERR_CONNECTION_REFUSED', 'https://reset.zorg.example/frame', false);
    contents.emit('did-navigate', {}, CENTRAL, 200);
    contents.emit('did-navigate', {}, CENTRAL, 504);
    contents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', offlineUrl('x'), true);
    expect(contents.urls).toEqual([offlineUrl('ERR_CONNECTION_REFUSED (-102)'), offlineUrl('HTTP 504')]);
  });
});
