// One renderer-asset module for both hosts: the web host and the kiosk's app:// protocol answer a built file with
// the same content type, and refuse the same file types.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serveAppRequest } from '../../src-main/electron/window/protocol.js';
import { loadRendererAssets, RENDERER_TYPES } from '../../src-main/renderer-assets.js';

const dir = mkdtempSync(join(tmpdir(), 'rk-assets-'));
mkdirSync(join(dir, 'assets'));
for (const ext of Object.keys(RENDERER_TYPES)) writeFileSync(join(dir, 'assets', `f${ext}`), 'x');
writeFileSync(join(dir, 'index.html'), '<!doctype html>');
writeFileSync(join(dir, 'assets', 'secret.map'), 'not served');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('renderer assets', () => {
  it('the web host and app:// give every built file the same content type', async () => {
    const assets = loadRendererAssets(dir);
    for (const [ext, type] of Object.entries(RENDERER_TYPES)) {
      expect(assets.get(`/assets/f${ext}`)?.type, ext).toBe(type);
      const res = await serveAppRequest(`app://kiosk/assets/f${ext}`, dir);
      expect(res.headers.get('content-type'), ext).toBe(type);
    }
    expect(assets.get('/')?.type).toBe('text/html; charset=utf-8');
  });

  it('neither serves a file type outside the table', async () => {
    expect(loadRendererAssets(dir).has('/assets/secret.map')).toBe(false);
    expect((await serveAppRequest('app://kiosk/assets/secret.map', dir)).status).toBe(404);
  });
});
