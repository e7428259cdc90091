// The one door to the reset service. In the Electron kiosk the preload exposes `window.resetKiosk` (a frozen
// object implementing ResetApi over IPC); in a browser we talk to the web host over HTTP with the same
// request and response types. Either way a transport fault becomes `{ ok: false, code: 'unavailable' }`,
// so the screens only ever deal with result codes (STYLE.md: result codes, not exceptions).
import type { Failure, Method, Request, ResetApi, Responses } from '../src-main/core/contract.js';

const TIMEOUT_MS = 20_000;
// contract.ts's METHODS is a value next to zod; this typed copy keeps zod out of the bundle and
// fails to compile when a method is added to the contract and not here.
const METHODS = {
  info: 1, start: 1, verifyIdentity: 1, resendCode: 1, verifyCode: 1, setPassword: 1, cancel: 1,
} satisfies Record<Method, 1>;
const unavailable: Failure = { ok: false, code: 'unavailable' };

/** Only a JSON object with a boolean `ok` counts as an answer; anything else (a proxy's HTML page) does not. */
function isAnswer(body: unknown): body is { ok: boolean } {
  return typeof body === 'object' && body !== null && typeof (body as { ok?: unknown }).ok === 'boolean';
}

async function post<M extends Method>(method: M, req: Request<M>): Promise<Responses[M]> {
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
    return (isAnswer(body) ? body : unavailable) as Responses[M];
  } catch {
    return unavailable as Responses[M]; // offline, refused, timed out
  }
}

function fetchApi(): ResetApi {
  const api = {} as Record<Method, unknown>;
  for (const m of Object.keys(METHODS) as Method[]) api[m] = (req: never) => post(m, req);
  return api as ResetApi;
}

/** Wraps the preload's functions so a rejected IPC call also becomes `unavailable`. */
function guarded(inner: ResetApi): ResetApi {
  const api = {} as Record<Method, unknown>;
  for (const m of Object.keys(inner) as Method[]) {
    api[m] = async (req: never) => {
      try {
        const res: unknown = await (inner[m] as (r: never) => Promise<unknown>)(req);
        return isAnswer(res) ? res : unavailable;
      } catch {
        return unavailable;
      }
    };
  }
  return api as ResetApi;
}

export function createApi(): ResetApi {
  return window.resetKiosk ? guarded(window.resetKiosk) : fetchApi();
}
