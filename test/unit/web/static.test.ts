// The built wizard served from memory: exactly the files the build produced, by their exact path, with their
// content type and the host's security headers; every other path (traversal attempts included) is the
// product's 404, and nothing is read from disk after start-up.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { connect, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAssets } from '../../../src-main/web/static.js';
import { webHost, type WebHost } from '../../helpers/web-host.js';

const dir = mkdtempSync(join(tmpdir(), 'rk-static-'));
const FILES: Record<string, string> = {
  'index.html': '<!doctype html><title>Wachtwoord vergeten</title>',
  'assets/index-abc123.js': 'console.log(1)',
  'assets/index-abc123.css': 'body{}',
  'assets/logo.svg': '<svg/>',
  'favicon.ico': 'ico',
  'assets/index-abc123.js.map': '{"sources":["../../src-renderer/App.svelte"]}', // no type listed: never served
  'notes.txt': 'not part of the build',
};
let host: WebHost;

/** The host on a real port of 127.0.0.1 (fastify inject would resolve `..` like a browser does). */
const listen = async () => {
  await host.server.listen({ host: '127.0.0.1', port: 0 });
  return (host.server.server.address() as AddressInfo).port;
};
/** The status line of a GET sent byte for byte as written. */
const rawGet = (port: number, path: string) =>
  new Promise<string>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () =>
      socket.write(`GET ${path} HTTP/1.1\r\nHost: kiosk\r\nConnection: close\r\n\r\n`),
    );
    let answer = '';
    socket.on('data', (d: Buffer) => (answer += d.toString()));
    socket.on('end', () => resolve(answer.split('\r\n')[0]!));
    socket.on('error', reject);
  });

beforeAll(async () => {
  for (const [name, body] of Object.entries(FILES)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), body);
  }
  host = await webHost({ rendererDir: dir });
});
afterAll(async () => {
  await host.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('loadAssets', () => {
  it('maps each built file to its URL path, / to index.html, and skips types it does not know', () => {
    const assets = loadAssets(dir);
    expect([...assets.keys()].sort()).toEqual([
      '/',
      '/assets/index-abc123.css',
      '/assets/index-abc123.js',
      '/assets/logo.svg',
      '/favicon.ico',
      '/index.html',
    ]);
    expect(assets.get('/')).toBe(assets.get('/index.html'));
  });
});

describe('serving', () => {
  it.each([
    ['/', 'text/html; charset=utf-8', FILES['index.html']],
    ['/index.html', 'text/html; charset=utf-8', FILES['index.html']],
    ['/assets/index-abc123.js', 'text/javascript; charset=utf-8', FILES['assets/index-abc123.js']],
    ['/assets/index-abc123.css', 'text/css; charset=utf-8', FILES['assets/index-abc123.css']],
    ['/assets/logo.svg', 'image/svg+xml', FILES['assets/logo.svg']],
    ['/favicon.ico', 'image/x-icon', FILES['favicon.ico']],
  ])('GET %s → 200 %s, with the CSP and nosniff', async (path, type, body) => {
    const res = await host.get(path);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(type);
    expect(res.body).toBe(body);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it.each([
    '/assets/index-abc123.js.map',
    '/notes.txt',
    '/assets',
    '/assets/',
    '/INDEX.HTML',
    '/index.htm',
    '/../package.json',
    '/%2e%2e/%2e%2e/package.json',
    '/assets/..%2f..%2fpackage.json',
    '/assets%2findex-abc123.js',
    '/..\\..\\package.json',
    '//etc/passwd',
    '/index.html%00.js',
  ])("GET %s → the product's 404", async (path) => {
    const res = await host.get(path);
    expect(res.status).toBe(404);
    expect(res.json).toEqual({ ok: false, code: 'invalid_request' });
    expect(res.body).not.toMatch(/sources|not part of the build|"name"/);
  });

  it('over a real socket (no client normalises the path), dot segments reach no file either', async () => {
    const port = await listen();
    for (const path of [
      '/../package.json',
      '/assets/../../package.json',
      '/assets/../index.html',
      '/./index.html',
      '/assets/%2e%2e/index.html',
    ]) {
      expect(await rawGet(port, path), path).toMatch(/^HTTP\/1\.1 404 /);
    }
    expect(await rawGet(port, '/index.html')).toMatch(/^HTTP\/1\.1 200 /);
  });

  it('serves what was built at start-up: a file written or changed later is not seen', async () => {
    writeFileSync(join(dir, 'late.js'), 'console.log("late")');
    writeFileSync(join(dir, 'index.html'), 'changed on disk');
    expect((await host.get('/late.js')).status).toBe(404);
    expect((await host.get('/')).body).toBe(FILES['index.html']);
  });

  it('answers only GET (and HEAD): other methods on a file are the 404', async () => {
    const res = await host.server.inject({ method: 'POST', url: '/index.html', payload: {} });
    expect(res.statusCode).toBe(404);
    expect((await host.server.inject({ method: 'HEAD', url: '/index.html' })).statusCode).toBe(200);
  });
});
