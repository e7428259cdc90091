// Checklist #13/#14 decisions: the kiosk never leaves its origin and never opens a window.
import { describe, expect, it } from 'vitest';
import {
  isAllowedNavigation,
  isAllowedRequest,
  originOf,
  windowOpenDecision,
} from '../../../../src-main/electron/window/navigation.js';
import { APP_ORIGIN } from '../../../../src-main/electron/window/protocol.js';

const CENTRAL = 'https://reset.zorg.example';

describe('navigation', () => {
  it('rebuilds origins for custom schemes (WHATWG gives "null") and refuses credentials', () => {
    expect(originOf('app://kiosk/index.html#x')).toBe('app://kiosk');
    expect(originOf('https://Reset.Zorg.Example:443/a')).toBe('https://reset.zorg.example');
    expect(originOf('https://evil@reset.zorg.example/')).toBeUndefined();
    expect(originOf('file:///C:/Windows/System32/cmd.exe')).toBeUndefined();
    expect(originOf('not a url')).toBeUndefined();
  });

  it('local mode: only app://kiosk', () => {
    expect(isAllowedNavigation('app://kiosk/index.html', APP_ORIGIN)).toBe(true);
    for (const url of [
      'file:///C:/Windows/explorer.exe',
      'app://other/index.html',
      'https://example.org/',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'chrome://settings',
      'devtools://devtools/bundled/inspector.html',
      'ms-settings:',
      'about:blank',
    ])
      expect(isAllowedNavigation(url, APP_ORIGIN), url).toBe(false);
  });

  it('central mode: only the reset service origin, not a look-alike, another port or plain http', () => {
    expect(isAllowedNavigation(`${CENTRAL}/wizard/`, CENTRAL)).toBe(true);
    for (const url of [
      'http://reset.zorg.example/',
      'https://reset.zorg.example:8443/',
      'https://reset.zorg.example.evil.nl/',
      'https://zorg.example/',
      'https://reset.zorg.example@evil.nl/',
    ])
      expect(isAllowedNavigation(url, CENTRAL), url).toBe(false);
  });

  it('network requests: the origins of the plan only; devtools only in --dev', () => {
    expect(isAllowedRequest('app://kiosk/assets/index.js', [APP_ORIGIN], false)).toBe(true);
    expect(isAllowedRequest('https://cdn.example/x.js', [APP_ORIGIN], false)).toBe(false);
    expect(isAllowedRequest('devtools://devtools/x', [APP_ORIGIN], false)).toBe(false);
    expect(isAllowedRequest('devtools://devtools/x', [APP_ORIGIN], true)).toBe(true);
    // central mode: the service and app://kiosk (where only the offline page is served), nothing else
    expect(isAllowedRequest(`${CENTRAL}/api/start`, [CENTRAL, APP_ORIGIN], false)).toBe(true);
    expect(isAllowedRequest('app://kiosk/offline.html', [CENTRAL, APP_ORIGIN], false)).toBe(true);
    expect(isAllowedRequest('https://evil.example/', [CENTRAL, APP_ORIGIN], false)).toBe(false);
  });

  it('never opens a window', () => {
    expect(windowOpenDecision()).toEqual({ action: 'deny' });
  });
});
