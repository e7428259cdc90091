// Checklist #18: app://kiosk serves dist/renderer and nothing else, with the CSP on every response.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KIOSK_CSP } from '../../../../src-main/electron/window/csp.js';
import {
  APP_SCHEME_PRIVILEGES,
  resolveAppPath,
  serveAppRequest,
} from '../../../../src-main/electron/window/protocol.js';

const root = mkdtempSync(join(tmpdir(), 'rk-app-'));
mkdirSync(join(root, 'assets'));
writeFileSync(join(root, 'index.html'), '<!doctype html><title>x</title>');
writeFileSync(join(root, 'assets', 'index.js'), 'console.log(1)');
writeFileSync(join(root, 'secret.txt'), 'nope');
writeFileSync(join(root, '..', 'outside.js'), 'nope');
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(join(root, '..', 'outside.js'), { force: true });
});

describe('app:// protocol', () => {
  it('maps URLs inside the root; / is index.html', () => {
    expect(resolveAppPath('app://kiosk/', root)).toBe(join(root, 'index.html'));
    expect(resolveAppPath('app://kiosk/assets/index.js?v=1#x', root)).toBe(join(root, 'assets', 'index.js'));
  });

  it('refuses traversal, other hosts, odd encodings and unknown file types', () => {
    // Plain dot segments are clamped at the root by the URL parser itself: they stay inside.
    expect(resolveAppPath('app://kiosk/../outside.js', root)).toBe(join(root, 'outside.js'));
    expect(resolveAppPath('app://kiosk/%2e%2e/outside.js', root)).toBe(join(root, 'outside.js'));
    for (const url of [
      'app://kiosk/assets/..%2f..%2foutside.js',
      'app://kiosk/..%5coutside.js',
      'app://kiosk/index.html%00.js',
      'app://kiosk/%E0%A4%A',
      'app://other/index.html',
      'app://user@kiosk/index.html',
      'https://kiosk/index.html',
      'app://kiosk/secret.txt',
    ])
      expect(resolveAppPath(url, root), url).toBeUndefined();
  });

  it('serves files with type, nosniff, no-store and the CSP; 404 otherwise, also with the CSP', async () => {
    const res = await serveAppRequest('app://kiosk/assets/index.js', root);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toBe(KIOSK_CSP);
    expect(await res.text()).toBe('console.log(1)');
    for (const url of ['app://kiosk/missing.js', 'app://kiosk/../outside.js']) {
      const r = await serveAppRequest(url, root);
      expect(r.status, url).toBe(404);
      expect(r.headers.get('content-security-policy')).toBe(KIOSK_CSP);
    }
  });

  it('is registered as a secure standard scheme without CSP bypass or service workers', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({
      standard: true,
      secure: true,
      bypassCSP: false,
      allowServiceWorkers: false,
    });
  });
});
