// The web host: the same ResetApi over HTTP (POST /api/<method>) plus the built wizard.
// Thin by design: the core's dispatch validates with the contract's schemas and calls it with the client's address.
import helmet from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { dispatcher } from '../core/dispatch.js';
import type { Logger } from '../core/ports/log.js';
import type { App } from '../app.js';
import { DEFAULT_SERVER, type ServerConfig } from '../config/server.js';
import { clientKey, proxyWarning, trustFunction } from './client-key.js';
import { limitConnectionsPerClient, proxyMatcher } from './conn-limit.js';
import { CSP_DIRECTIVES } from './csp.js';
import { ErrorEdge, httpLimits, PERMISSIONS_POLICY } from './edge.js';
import { NO_JSON_SCHEMAS } from './no-json-schemas.js';
import { answerErrors } from './errors.js';
import { registerReadyz } from './readyz.js';
import { loadAssets, serveAssets } from './static.js';
import { logRequests } from './request-log.js';

/** `server`: the config's `server` section (proxy, timeouts, connection cap); default: the schema's defaults. */
export type ServerOptions = { rendererDir?: string | undefined; server?: ServerConfig; log: Logger };

const BODY_LIMIT = 4 * 1024; // the largest request is two passwords: 4 KB is plenty

export async function buildServer(app: App, opts: ServerOptions): Promise<FastifyInstance> {
  const cfg = opts.server ?? DEFAULT_SERVER;
  const warning = proxyWarning(cfg);
  if (warning) opts.log.warn({ startup: true }, warning);
  const edge = new ErrorEdge(opts.log);
  const server = Fastify({
    bodyLimit: BODY_LIMIT,
    trustProxy: trustFunction(cfg.trustProxy),
    logger: false,
    return503OnClosing: true,
    ...NO_JSON_SCHEMAS,
    ...httpLimits(cfg),
    frameworkErrors: edge.frameworkErrors,
    clientErrorHandler: edge.clientErrorHandler,
  });
  server.server.maxConnections = cfg.maxConnections;
  limitConnectionsPerClient(server.server, cfg.maxConnectionsPerClient, proxyMatcher(cfg.trustProxy));
  await server.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES as unknown as Record<string, string[]> },
    crossOriginEmbedderPolicy: true,
    hsts: false, // set by the TLS-terminating proxy that owns the certificate
  });

  server.addHook('onSend', async (_req, reply) => {
    reply.header('cache-control', 'no-store');
    reply.header('permissions-policy', PERMISSIONS_POLICY);
  });

  const dispatch = dispatcher(app.service);
  server.post<{ Params: { method: string } }>('/api/:method', async (req, reply) => {
    const done = await dispatch(req.params.method, req.body, { clientId: clientKey(req.ip) });
    if (!done.ok)
      return reply.code(done.refusal === 'unknown_method' ? 404 : 400).send({ ok: false, code: 'invalid_request' });
    return done.response;
  });

  server.get('/healthz', () => Promise.resolve({ ok: true }));
  registerReadyz(server, app.probes, opts.log);
  logRequests(server, opts.log);

  if (opts.rendererDir && existsSync(opts.rendererDir)) serveAssets(server, loadAssets(opts.rendererDir));
  // Malformed JSON, wrong content type, too large: a result code, never a stack trace.
  answerErrors(server, opts.log, { what: 'web host', notFound: 'invalid_request' });
  await edge.learnHeaders(server);
  return server;
}
