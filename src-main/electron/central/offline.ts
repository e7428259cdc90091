// Central mode: when the reset service cannot be reached the window shows the local offline page (offline-page.ts)
// instead of a blank or an error page. Which failures show it is a pure decision; the wiring takes the session
// and webContents as parameters (this module never imports electron at run time).
import type { Session } from 'electron';
import type { Logger } from '../../core/ports/log.js';
import { OFFLINE_CSS, offlineUrl, reasonFrom, renderOfflinePage, type OfflineInfo } from './offline-page.js';
import { APP_ORIGIN, APP_SCHEME, appResponse } from '../window/protocol.js';
import { sameOrigin } from '../window/navigation.js';

export type LoadEvent =
  /** did-fail-load: DNS, refused, timeout, TLS (the pinned-CA check rejects), a request the filter blocked… */
  | { kind: 'failed'; errorCode: number; errorDescription: string; url: string; isMainFrame: boolean }
  /** did-navigate of the main frame: the answer's HTTP status (-1 for non-HTTP). */
  | { kind: 'navigated'; url: string; httpResponseCode: number };

/** Chromium's net::ERR_ABORTED: a load replaced by another one (ours, or a refused navigation), not an outage. */
export const ERR_ABORTED = -3;

/** The reason to show the offline page for, or undefined to leave the window as it is. */
export function offlineReason(e: LoadEvent): string | undefined {
  if (sameOrigin(e.url, APP_ORIGIN)) return undefined; // the offline page itself: never a loop
  if (e.kind === 'failed') {
    if (!e.isMainFrame || e.errorCode === ERR_ABORTED) return undefined;
    return `${e.errorDescription || 'ERR'} (${e.errorCode})`;
  }
  return e.httpResponseCode >= 500 ? `HTTP ${e.httpResponseCode}` : undefined;
}

/** app://kiosk in central mode: the offline page and its style sheet, 404 for everything else. */
export function serveOfflineRequest(url: string, info: OfflineInfo): Response {
  const u = new URL(url);
  if (u.host === 'kiosk' && u.pathname === '/offline.html')
    return appResponse(200, 'text/html; charset=utf-8', renderOfflinePage(info, reasonFrom(url)));
  if (u.host === 'kiosk' && u.pathname === '/offline.css')
    return appResponse(200, 'text/css; charset=utf-8', OFFLINE_CSS);
  return appResponse(404, 'text/plain; charset=utf-8', 'not found');
}

type Contents = {
  on(
    event: 'did-fail-load',
    l: (e: unknown, code: number, desc: string, url: string, isMainFrame: boolean) => void,
  ): unknown;
  on(event: 'did-navigate', l: (e: unknown, url: string, httpResponseCode: number) => void): unknown;
  loadURL(url: string): Promise<void>;
  isDestroyed(): boolean;
};

export function setupOfflinePage(o: {
  ses: Pick<Session, 'protocol'>;
  contents: Contents;
  info: OfflineInfo;
  log: Logger;
}): void {
  o.ses.protocol.handle(APP_SCHEME, (req) => Promise.resolve(serveOfflineRequest(req.url, o.info)));
  const show = (reason: string | undefined) => {
    if (!reason || o.contents.isDestroyed()) return;
    o.log.warn({ reason }, 'central service unreachable: showing the offline page');
    void o.contents.loadURL(offlineUrl(reason)).catch(() => undefined); // its own failure is ignored above
  };
  o.contents.on('did-fail-load', (_e, errorCode, errorDescription, url, isMainFrame) =>
    show(offlineReason({ kind: 'failed', errorCode, errorDescription, url, isMainFrame })),
  );
  o.contents.on('did-navigate', (_e, url, httpResponseCode) =>
    show(offlineReason({ kind: 'navigated', url, httpResponseCode })),
  );
}
