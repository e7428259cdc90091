// The web host for operators: /readyz says whether a reset can work now; the request log never holds a body.
import { afterEach, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { createLogger } from '../../../src-main/log.js';
import { buildServer } from '../../../src-main/web/server.js';
import { DirectoryUnavailableError } from '../../../src-main/core/ports/directory.js';
import { demoApp, type DemoApp } from '../../helpers/demo-app.js';

let d: DemoApp | undefined;
afterEach(async () => d?.close());

function capture() {
  const lines: string[] = [];
  const destination = new Writable({ write: (chunk, _enc, done) => void (lines.push(...String(chunk).trim().split('\n')), done()) });
  return { log: createLogger({ destination }), lines };
}

it('/readyz is 200 while the directory answers and 503 (without detail) when it does not', async () => {
  const { log, lines } = capture();
  d = await demoApp({ log });
  const server = await buildServer(d.app, { log });
  expect((await server.inject('/readyz')).json()).toEqual({ ok: true, checks: { directory: 'ok' } });

  d.directory.findUser = async () => {
    throw new DirectoryUnavailableError('connect ECONNREFUSED 10.1.2.3:636');
  };
  await server.close();
  const fresh = await buildServer(d.app, { log }); // a new host: no cached answer
  const res = await fresh.inject('/readyz');
  expect(res.statusCode).toBe(503);
  expect(res.json()).toEqual({ ok: false, checks: { directory: 'failed' } });
  expect(res.body).not.toContain('ECONNREFUSED');
  expect(lines.join('\n')).toContain('ECONNREFUSED'); // the reason is in the admin log
  await fresh.close();
});

it('logs every API request with method, status and duration, and never the body', async () => {
  const { log, lines } = capture();
  d = await demoApp({ log });
  const server = await buildServer(d.app, { log });
  const start = (await server.inject({ method: 'POST', url: '/api/start', payload: { username: 'A.Janssen' } })).json();
  await server.inject({ method: 'POST', url: '/api/verifyIdentity?x=01-10-1984', payload: { sessionId: start.sessionId, birthdate: '01-10-1984' } });
  await server.inject('/healthz');
  await server.close();
  const requests = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request');
  expect(requests).toEqual([
    expect.objectContaining({ method: 'POST', route: '/api/:method', api: 'start', status: 200, ms: expect.any(Number), client: '127.0.0.1' }),
    expect.objectContaining({ api: 'verifyIdentity', status: 200 }),
  ]);
  expect(lines.join('\n')).not.toMatch(/01-10-1984|sessionId/);
});
