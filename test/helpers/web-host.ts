// Test helper: the web host (buildServer) on a demo app, driven with fastify's inject like a browser would. The
// one HTTP wrapper in test/: `post` for what the HTTP layer answers, `call` for the API answer, `walkTo` for a
// session at a step.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { forwardEach, type ResetApi } from '../../src-main/core/contract.js';
import { silentLogger } from '../../src-main/core/ports/log.js';
import { buildServer } from '../../src-main/web/server.js';
import { demoApp, type DemoApp, type DemoAppOptions } from './demo-app.js';
import { walkTo, type CodeReader, type Step, type Walked, type Walker, type WalkOptions } from './walk.js';

export type Reply = {
  status: number;
  json: Record<string, unknown>;
  body: string;
  headers: Record<string, unknown>;
  ms: number;
};

export type WebHost = DemoApp & {
  server: FastifyInstance;
  /** POST /api/<method> with a JSON body (or a raw string), from `client` (its IP; default 127.0.0.1). */
  post(method: string, body: unknown, client?: string): Promise<Reply>;
  /** The API's answer to a well-formed call; throws unless HTTP 200 (every answer of the contract is). */
  call(method: string, body: object, client?: string): Promise<Record<string, unknown>>;
  /** GET a path (/readyz, /healthz, the wizard's files). */
  get(path: string): Promise<Reply>;
  /** A session at `step` for `user` (default Anna), every answer on the way checked (test/helpers/walk.ts). */
  walkTo<S extends Step>(step: S, user?: Walker, opts?: WalkOptions & { client?: string }): Promise<Walked<S>>;
  /** A new server on the same app, as after a restart of the HTTP layer: nothing it cached survives. */
  reopen(): Promise<void>;
  stop(): Promise<void>;
};

export type WebHostOptions = DemoAppOptions & {
  /** Where the phone's codes come from (default: the demo outbox); e.g. the fake Twilio server. */
  codeOf?: CodeReader;
  rendererDir?: string;
};

export async function webHost(opts: WebHostOptions = {}): Promise<WebHost> {
  const d = await demoApp(opts);
  const build = () => buildServer(d.app, { log: opts.log ?? silentLogger, rendererDir: opts.rendererDir });
  let server = await build();
  const reply = async (inject: () => Promise<LightMyRequestResponse>): Promise<Reply> => {
    const started = performance.now();
    const res = await inject();
    const ms = performance.now() - started;
    let json: Record<string, unknown> = {};
    try {
      json = res.json();
    } catch {
      /* left empty: the caller asserts on the body */
    }
    return { status: res.statusCode, json, body: res.body, headers: res.headers, ms };
  };
  const post: WebHost['post'] = (method, body, client = '127.0.0.1') =>
    reply(() =>
      server.inject({
        method: 'POST',
        url: `/api/${method}`,
        payload: typeof body === 'string' ? body : JSON.stringify(body),
        headers: { 'content-type': 'application/json' },
        remoteAddress: client,
      }),
    );
  const call: WebHost['call'] = async (method, body, client) => {
    const res = await post(method, body, client);
    if (res.status !== 200) throw new Error(`${method}: HTTP ${res.status} ${res.body}`);
    return res.json;
  };
  const lastCode = opts.codeOf ?? d.lastCode;
  const apiFrom = (client?: string): ResetApi => forwardEach((method) => (req) => call(method, req, client));
  return {
    ...d,
    get server() {
      return server;
    },
    lastCode,
    post,
    call,
    get: (path) => reply(() => server.inject({ method: 'GET', url: path })),
    walkTo: (step, user, walk = {}) => walkTo(apiFrom(walk.client), lastCode, step, user, walk),
    async reopen() {
      await server.close();
      server = await build();
    },
    async stop() {
      await server.close();
      await d.close();
    },
  };
}
