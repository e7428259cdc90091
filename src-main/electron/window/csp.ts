// Checklist #7: a Content Security Policy on every response the kiosk window loads (app:// responses and,
// through session.webRequest.onHeadersReceived, the central service's). The policy is the web host's
// (web/csp.ts). It is written out here, not imported, because electronegativity's CSP evaluator can only
// read a literal; test/unit/electron/window/csp.test.ts proves it is exactly web/csp.ts's CSP, so they cannot drift.

export type ResponseHeaders = Record<string, string | string[]>;

/** Our policy first; a policy the server sent stays beside it (several CSPs all apply: only stricter). */
export function withCsp(headers: ResponseHeaders | undefined): ResponseHeaders {
  const out: ResponseHeaders = {};
  const theirs: string[] = [];
  for (const [k, v] of Object.entries(headers ?? {})) {
    if (k.toLowerCase() === 'content-security-policy') theirs.push(...(Array.isArray(v) ? v : [v]));
    else out[k] = v;
  }
  out['Content-Security-Policy'] =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'";
  const ours = out['Content-Security-Policy'];
  const extra = theirs.filter((p) => p !== ours);
  return extra.length ? { ...out, 'Content-Security-Policy': [ours, ...extra] } : out;
}

export const KIOSK_CSP = withCsp({})['Content-Security-Policy'] as string;
