// Checklist #13 (limit navigation) and #14 (limit new windows) as pure decisions.
// The kiosk may only ever show its own origin: app://kiosk in local mode, the reset service in central mode.

/**
 * `scheme://host[:port]` of a URL, or undefined. WHATWG `URL.origin` is "null" for non-special schemes such as
 * app://, so it is rebuilt here; a URL with credentials (`https://user@host`) has no acceptable origin.
 */
export function originOf(url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  if (!u.host || u.username || u.password) return undefined;
  return `${u.protocol}//${u.host}`.toLowerCase();
}

export function sameOrigin(url: string, allowedOrigin: string): boolean {
  const origin = originOf(url);
  return origin !== undefined && origin === allowedOrigin.toLowerCase();
}

/** will-navigate / will-redirect / will-frame-navigate: stay on the allowed origin or stay put. */
export function isAllowedNavigation(url: string, allowedOrigin: string): boolean {
  return sameOrigin(url, allowedOrigin);
}

/** Requests the session lets through (checklist #13 again, at the network layer): the plan's origins only. */
export function isAllowedRequest(url: string, origins: readonly string[], dev: boolean): boolean {
  if (dev && url.startsWith('devtools://')) return true;
  return origins.some((o) => sameOrigin(url, o));
}

/** setWindowOpenHandler: never a new window, never shell.openExternal (checklist #14, #15). */
export function windowOpenDecision(): { action: 'deny' } {
  return { action: 'deny' };
}
