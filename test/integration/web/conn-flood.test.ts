// One client cannot hold the wizard host's connection cap (issue 27): with the default limits (1 000 open
// connections, 50 per client), 1 100 idle connections from 127.0.0.1, each re-opened a second after it closes,
// leave room for everyone else: 52 requests from 127.0.0.2 during the flood all succeed.
import type { FastifyInstance } from 'fastify';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEFAULT_SERVER } from '../../../src-main/config/server.js';
import { buildServer } from '../../../src-main/web/server.js';
import { demoApp, type DemoApp } from '../../helpers/demo-app.js';
import { silentLogger } from '../../../src-main/core/ports/log.js';

let d: DemoApp;
let server: FastifyInstance;
let port: number;

beforeAll(async () => {
  d = await demoApp();
  server = await buildServer(d.app, { log: silentLogger, server: DEFAULT_SERVER });
  await server.listen({ host: '127.0.0.1', port: 0 });
  port = (server.server.address() as { port: number }).port;
});
afterAll(async () => {
  await server?.close();
  await d?.close();
});

/** GET /healthz over a new connection from `from`: the status, or 0 when the connection was refused or cut. */
function healthz(from: string): Promise<number> {
  return new Promise((resolve) => {
    const s = connect({ port, host: '127.0.0.1', localAddress: from });
    let data = '';
    s.setTimeout(5000, () => s.destroy());
    s.on('connect', () => s.write('GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'));
    s.on('data', (b) => (data += b.toString()));
    s.on('error', () => {});
    s.on('close', () => resolve(Number(/^HTTP\/1\.1 (\d+)/.exec(data)?.[1] ?? 0)));
  });
}

it('1 100 idle connections from one client, re-opened as they close, do not starve another', async () => {
  let flooding = true;
  let opened = 0;
  const sockets = new Set<Socket>();
  const hold = () => {
    if (!flooding) return;
    opened++;
    const s = connect({ port, host: '127.0.0.1', localAddress: '127.0.0.1' });
    sockets.add(s);
    s.on('error', () => {});
    s.on('close', () => {
      sockets.delete(s);
      setTimeout(hold, 1000); // the attacker re-opens each a second after it closed
    });
  };
  for (let i = 0; i < 1100; i++) hold(); // more than the cap, so without a per-client limit nothing is left
  await new Promise((r) => setTimeout(r, 500));
  expect(server.server.listening).toBe(true);
  const results: number[] = [];
  const started = performance.now();
  for (let i = 0; i < 52; i++) results.push(await healthz('127.0.0.2'));
  const ms = performance.now() - started;
  flooding = false;
  for (const s of sockets) s.destroy();
  console.log(
    `flood: ${opened} connections opened by 127.0.0.1; 52 requests from 127.0.0.2: ${results.filter((r) => r === 200).length} × 200 in ${Math.round(ms)} ms`,
  );
  expect(results.every((r) => r === 200)).toBe(true);
}, 60_000);
