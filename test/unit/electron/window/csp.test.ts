// Checklist #7: the kiosk's CSP is the web host's, on every response the window loads.
import { describe, expect, it } from 'vitest';
import { KIOSK_CSP, withCsp } from '../../../../src-main/electron/window/csp.js';
import { CSP } from '../../../../src-main/web/csp.js';

describe('kiosk CSP', () => {
  it('is exactly the web host policy (written out only so electronegativity can evaluate it)', () => {
    expect(KIOSK_CSP).toBe(CSP);
  });

  it('is strict: nothing inline, nothing remote, no framing, no plugins, no forms', () => {
    const d = Object.fromEntries(
      KIOSK_CSP.split('; ').map((p): [string, string[]] => [p.split(' ')[0]!, p.split(' ').slice(1)]),
    );
    expect(d['default-src']).toEqual(["'none'"]);
    expect(d['script-src']).toEqual(["'self'"]);
    expect(d['connect-src']).toEqual(["'self'"]);
    expect(d['frame-ancestors']).toEqual(["'none'"]);
    expect(d['object-src']).toEqual(["'none'"]);
    expect(d['form-action']).toEqual(["'none'"]);
    expect(KIOSK_CSP).not.toMatch(/unsafe-|\*|http:/);
  });

  it('adds the policy and keeps the rest of the headers', () => {
    const out = withCsp({ 'Content-Type': ['text/html'], 'X-Frame-Options': 'DENY' });
    expect(out['Content-Security-Policy']).toBe(KIOSK_CSP);
    expect(out['Content-Type']).toEqual(['text/html']);
    expect(out['X-Frame-Options']).toBe('DENY');
    expect(withCsp(undefined)['Content-Security-Policy']).toBe(KIOSK_CSP);
  });

  it('keeps a stricter policy the server sent beside ours (all policies apply), without duplicating ours', () => {
    const out = withCsp({ 'content-security-policy': ["default-src 'none'", KIOSK_CSP] });
    expect(out['Content-Security-Policy']).toEqual([KIOSK_CSP, "default-src 'none'"]);
    expect(Object.keys(out).filter((k) => k.toLowerCase() === 'content-security-policy')).toHaveLength(1);
    expect(withCsp({ 'Content-Security-Policy': KIOSK_CSP })['Content-Security-Policy']).toBe(KIOSK_CSP);
  });
});
