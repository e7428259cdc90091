// The one door to the reset service. In the Electron kiosk the preload exposes `window.resetKiosk` (a frozen
// object implementing ResetApi over IPC); in a browser we talk to the web host over HTTP with the same
// request and response types. Either way a transport fault becomes `{ ok: false, code: 'unavailable' }`,
// so the screens only ever deal with result codes (result codes, not exceptions: docs/architecture.md).
// contract.ts is zod-free: importing its method list keeps zod out of the bundle.
import { forwardEach, type Failure, type Method, type ResetApi } from '../src-main/core/contract.js';
import type { Host } from './i18n/index.js';
import { isKioskAgent } from './kiosk-signal.js';

const TIMEOUT_MS = 20_000;
const unavailable: Failure = { ok: false, code: 'unavailable' };

/** Only a JSON object with a boolean `ok` counts as an answer; anything else (a proxy's HTML page) does not. */
export function isAnswer(body: unknown): body is { ok: boolean } {
  return typeof body === 'object' && body !== null && typeof (body as { ok?: unknown }).ok === 'boolean';
}

async function post(method: Method, req: unknown): Promise<unknown> {
  try {
    // Relative to the page, so the wizard also works when a reverse proxy serves it under a sub-path.
    const res = await fetch(new URL(`api/${method}`, document.baseURI), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(req),
      credentials: 'same-origin',
      cache: 'no-store',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    // 400 (invalid_request), 429 and 500 (internal + correlationId) carry a Failure body too: pass it on.
    const body: unknown = await res.json().catch(() => null);
    return isAnswer(body) ? body : unavailable;
  } catch {
    return unavailable; // offline, refused, timed out
  }
}

/** The web host over HTTP. */
export const fetchApi = (): ResetApi => forwardEach((method) => (req) => post(method, req));

/** Wraps the preload's functions so a rejected IPC call or a malformed answer also becomes `unavailable`. */
export function ipcApi(inner: ResetApi): ResetApi {
  return forwardEach((method) => async (req) => {
    try {
      const res: unknown = await inner[method](req);
      return isAnswer(res) ? res : unavailable;
    } catch {
      return unavailable;
    }
  });
}

/**
 * The kiosk: its preload exposes window.resetKiosk (local mode), or the central service's page runs in the kiosk's
 * session, whose user agent ends in `reset-kiosk/<id>` (central mode). Anything else is a browser on the web host.
 */
export const hostOf = (w: Pick<Window, 'resetKiosk'> & { navigator?: Pick<Navigator, 'userAgent'> }): Host =>
  w.resetKiosk || isKioskAgent(w.navigator?.userAgent ?? '') ? 'kiosk' : 'web';

export function createApi(w: Pick<Window, 'resetKiosk'> = window): ResetApi {
  return w.resetKiosk ? ipcApi(w.resetKiosk) : fetchApi();
}
