// The servicedesk's listener, separate from the wizard's: its own port (loopback unless config says otherwise),
// bearer tokens checked in constant time (admin/tokens.ts) with scopes, wrong tokens counted per client and a
// right one never blocked (admin-guard.ts), and every action audited with the admin's label and its subject.
// Every path needs a token, so without one nothing (not even which paths exist) can be learned: a missing and a
// wrong token take the same code path to the same 401. Its edge is the wizard's (edge.ts): refusals before
// routing in the product's shape with the same security headers, the server's timeouts, a connection cap and
// a per-client connection limit (conn-limit.ts).
import helmet from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { App } from '../app.js';
import { loadTokens } from '../admin/tokens.js';
import type { Logger } from '../core/ports/log.js';
import { answerErrors } from './errors.js';
import { adminGuard } from './admin-guard.js';
import { trustFunction } from './client-key.js';
import { limitConnectionsPerClient, proxyMatcher } from './conn-limit.js';
import { ErrorEdge, httpLimits } from './edge.js';
import { NO_JSON_SCHEMAS } from './no-json-schemas.js';
import { readinessChecker } from './readyz.js';
import { isDeskPath, registerDesk } from './desk-server.js';
import { logRequests } from './request-log.js';

const person = z
  .object({ user: z.string().min(1).max(256).optional(), account: z.string().min(1).max(512).optional() })
  .strict()
  .refine((p) => p.user || p.account, 'user or account');
const started = Date.now();

const HELMET = {
  contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
};

/** The security headers of an ordinary admin answer, read from a bare instance with the same helmet (no token needed, nothing audited). */
async function sampleHeaders(hsts: boolean): Promise<FastifyInstance> {
  const sample = Fastify({ logger: false, ...NO_JSON_SCHEMAS });
  await sample.register(helmet, { ...HELMET, hsts });
  sample.addHook('onSend', async (_req, reply) => void reply.header('cache-control', 'no-store'));
  sample.get('/healthz', () => Promise.resolve({ ok: true }));
  return sample;
}

export async function buildAdminServer(
  app: App,
  opts: { log: Logger; env?: NodeJS.ProcessEnv; rendererDir?: string; now?: () => number },
): Promise<FastifyInstance> {
  const cfg = app.config.admin;
  const { log } = opts;
  const metrics = app.metrics;
  if (!metrics)
    throw new Error('admin listener: the app collects no metrics (createApp does when admin.enabled is true)');
  const tokens = loadTokens(cfg, opts.env);
  const https = cfg.tls ? { key: readFileSync(cfg.tls.keyFile), cert: readFileSync(cfg.tls.certFile) } : null;
  const web = app.config.server;
  const edge = new ErrorEdge(log);
  const server = Fastify({
    bodyLimit: 1024,
    logger: false,
    return503OnClosing: true,
    ...NO_JSON_SCHEMAS,
    trustProxy: trustFunction(web.trustProxy), // the real client behind the proxy, as the wizard sees it
    ...httpLimits(web),
    frameworkErrors: edge.frameworkErrors,
    clientErrorHandler: edge.clientErrorHandler,
    ...(https ? { https } : {}),
  }) as unknown as FastifyInstance;
  server.server.maxConnections = cfg.maxConnections;
  limitConnectionsPerClient(server.server, cfg.maxConnectionsPerClient, proxyMatcher(web.trustProxy));
  await server.register(helmet, { ...HELMET, hsts: !!https });
  const ready = readinessChecker(app.probes, log);
  metrics.watch({ probes: async () => (await ready()).checks });
  const desk = app.people;
  if (!desk) throw new Error('the admin listener needs an app built with admin.enabled (app.ts builds its PersonDesk)');

  const guard = adminGuard(cfg, tokens, app.audit, log);
  // The servicedesk pages: the agent's session decides (web/desk-server.ts). The matched route, not the raw URL,
  // so no spelling of a path (`/desk/../admin/…`) reaches an admin route without a token.
  server.addHook('onRequest', async (req, reply) => {
    if (!isDeskPath(req.routeOptions.url ?? '')) return guard.door(req, reply);
    reply.header('cache-control', 'no-store');
    return undefined;
  });
  server.addHook('preHandler', guard.scoped);

  // Secure cookies with TLS here or, beyond loopback, with the TLS proxy that must then be in front.
  if (app.config.desk.enabled)
    await registerDesk(server, app, {
      log,
      secure: !!https || cfg.allowNonLoopback,
      ...(opts.rendererDir ? { rendererDir: opts.rendererDir } : {}),
      ...(opts.now ? { now: opts.now } : {}),
    });

  server.get('/admin/status', { config: { scope: 'status' } }, async (req, reply) => {
    const q = person.safeParse(req.query);
    if (!q.success) return reply.code(400).send({ ok: false, code: 'invalid_request' });
    return { ok: true, ...(await desk.status(q.data, req.admin!)) };
  });
  server.post('/admin/unblock', { config: { scope: 'unblock' } }, async (req, reply) => {
    const q = person.safeParse(req.body ?? {});
    if (!q.success) return reply.code(400).send({ ok: false, code: 'invalid_request' });
    return { ok: true, ...(await desk.unblock(q.data, req.admin!)) };
  });
  server.get('/admin/health', { config: { scope: 'health' } }, async (_req, reply) => {
    const r = await ready();
    return reply.code(r.ok ? 200 : 503).send({
      ok: r.ok,
      checks: r.checks,
      describe: app.describe,
      uptimeSeconds: Math.round((Date.now() - started) / 1000),
    });
  });
  server.get('/metrics', { config: { scope: 'metrics' } }, async (_req, reply) =>
    reply.header('content-type', metrics.contentType).send(await metrics.render()),
  );

  logRequests(server, log);
  answerErrors(server, log, { what: 'admin listener', notFound: 'not_found' });
  const sample = await sampleHeaders(!!https);
  await edge.learnHeaders(sample);
  await sample.close();
  return server;
}
