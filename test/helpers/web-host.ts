// Test helper: a web host (buildServer) on the demo app, driven with fastify's inject like a browser would.
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src-main/web/server.js';
import type { Logger } from '../../src-main/core/ports/log.js';
import { silentLogger } from '../../src-main/core/ports/log.js';
import { demoApp, type DemoApp, type DemoAppOptions } from './demo-app.js';

export type WebHost = DemoApp & {
  server: FastifyInstance;
  /** POST /api/<method> with a JSON body (or a raw string), from `client` (its IP). */
  post(method: string, body: unknown, client?: string): Promise<{ status: number; json: Record<string, unknown>; body: string; ms: number }>;
  /** start → verifyIdentity → verifyCode for a demo user; returns the session id at the password step. */
  toPasswordStep(username?: string, birthdate?: string): Promise<string>;
  stop(): Promise<void>;
};

export async function webHost(opts: DemoAppOptions & { log?: Logger } = {}): Promise<WebHost> {
  const d = await demoApp(opts);
  const server = await buildServer(d.app, { log: opts.log ?? silentLogger });
  const post: WebHost['post'] = async (method, body, client = '127.0.0.1') => {
    const started = performance.now();
    const res = await server.inject({
      method: 'POST',
      url: `/api/${method}`,
      payload: typeof body === 'string' ? body : JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
      remoteAddress: client,
    });
    const ms = performance.now() - started;
    let json: Record<string, unknown> = {};
    try {
      json = res.json();
    } catch {
      /* left empty: the caller asserts on it */
    }
    return { status: res.statusCode, json, body: res.body, ms };
  };
  return {
    ...d,
    server,
    post,
    async toPasswordStep(username = 'A.Janssen', birthdate = '01-10-1984') {
      const { json: s } = await post('start', { username });
      const id = await post('verifyIdentity', { sessionId: s.sessionId, birthdate });
      if (!id.json.ok) throw new Error(`identity: ${JSON.stringify(id.json)}`);
      const code = await post('verifyCode', { sessionId: s.sessionId, code: d.lastCode() });
      if (!code.json.ok) throw new Error(`code: ${JSON.stringify(code.json)}`);
      return s.sessionId as string;
    },
    async stop() {
      await server.close();
      await d.close();
    },
  };
}
