// Checklist #18: do not use file://. The wizard is served from app://kiosk, a standard, secure custom scheme
// that maps onto dist/renderer only: no directory listing, no path outside the root, the file types of
// renderer-assets.ts only (the web host's table),
// and every response carries the CSP. Pure (no electron import): main passes it to session.protocol.handle.
import { readFile } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import { rendererType } from '../../renderer-assets.js';
import { withCsp } from './csp.js';

export const APP_SCHEME = 'app';
export const APP_HOST = 'kiosk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** For protocol.registerSchemesAsPrivileged: behaves like https (standard origin, secure context). */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: false,
  corsEnabled: false,
  allowServiceWorkers: false,
  bypassCSP: false,
  stream: false,
  codeCache: true,
};

/** The file an app:// URL names inside `root`, or undefined for anything else (other host, traversal, type). */
export function resolveAppPath(url: string, root: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST || u.username || u.password) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(u.pathname);
  } catch {
    return undefined;
  }
  if (path.includes('\0') || path.includes('\\')) return undefined;
  if (path === '/' || path === '') path = '/index.html';
  const full = normalize(join(root, path));
  const base = normalize(root.endsWith(sep) ? root : root + sep);
  if (!full.startsWith(base)) return undefined;
  if (!rendererType(full)) return undefined;
  return full;
}

const headers = (type: string) =>
  withCsp({ 'Content-Type': type, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' }) as Record<
    string,
    string | string[]
  >;

function toHeaders(h: Record<string, string | string[]>): Headers {
  const out = new Headers();
  for (const [k, v] of Object.entries(h)) for (const one of Array.isArray(v) ? v : [v]) out.append(k, one);
  return out;
}

/** Every app:// answer: nosniff, no-store and the kiosk CSP (checklist #7). */
export function appResponse(status: number, type: string, body: string | Uint8Array): Response {
  return new Response(typeof body === 'string' ? body : new Uint8Array(body), {
    status,
    headers: toHeaders(headers(type)),
  });
}

const notFound = () => appResponse(404, 'text/plain; charset=utf-8', 'not found');

/** The app:// handler: a file from `root` with the CSP, or 404 for anything it will not serve. */
export async function serveAppRequest(
  url: string,
  root: string,
  read: (p: string) => Promise<Buffer> = readFile,
): Promise<Response> {
  const file = resolveAppPath(url, root);
  if (!file) return notFound();
  try {
    return appResponse(200, rendererType(file) ?? 'application/octet-stream', await read(file));
  } catch {
    return notFound();
  }
}
