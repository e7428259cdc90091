// The servicedesk's listener, separate from the wizard's: its own port (loopback unless config says otherwise),
// bearer tokens checked in constant time (admin/tokens.ts), its own rate limit per client address, and every
// action audited with the admin's label. Every path needs a token, so without one nothing (not even which paths
// exist) can be learned: a missing and a wrong token take the same code path to the same 401.
import helmet from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';
import { readFileSync } from 'node:fs';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { z } from 'zod';
import type { App } from '../app.js';
import { expandAuditPath } from '../audit/files.js';
import { PersonDesk } from '../admin/person.js';
import { loadTokens } from '../admin/tokens.js';
import type { Logger } from '../core/ports/log.js';
import { answerErrors } from './errors.js';
import { readinessChecker } from './readyz.js';
import { isDeskPath, registerDesk } from './desk-server.js';
import { logRequests } from './request-log.js';

const person = z.object({ user: z.string().min(1).max(256).optional(), account: z.string().min(1).max(512).optional() }).strict().refine((p) => p.user || p.account, 'user or account');
const started = Date.now();

declare module 'fastify' {
  interface FastifyRequest {
    admin?: string;
  }
}

export async function buildAdminServer(app: App, opts: { log: Logger; env?: NodeJS.ProcessEnv; rendererDir?: string; now?: () => number }): Promise<FastifyInstance> {
  const cfg = app.config.admin;
  const { log } = opts;
  const metrics = app.metrics;
  if (!metrics) throw new Error('admin listener: the app collects no metrics (createApp does when admin.enabled is true)');
  const tokenLabel = loadTokens(cfg, opts.env);
  const https = cfg.tls ? { key: readFileSync(cfg.tls.keyFile), cert: readFileSync(cfg.tls.certFile) } : null;
  const server = Fastify({ bodyLimit: 1024, logger: false, requestTimeout: 30_000, connectionTimeout: 10_000, return503OnClosing: true, ...(https ? { https } : {}) }) as unknown as FastifyInstance;
  await server.register(helmet, { contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } }, hsts: !!https });
  const limiter = new RateLimiterMemory({ keyPrefix: 'rk:admin', points: cfg.rateLimit.points, duration: cfg.rateLimit.durationSeconds });
  const ready = readinessChecker(app.probes, log);
  metrics.watch({ probes: async () => (await ready()).checks });
  const pattern = app.config.audit.file;
  const desk = new PersonDesk({
    directory: app.directory,
    throttles: app.throttles,
    audit: app.audit,
    pseudonymise: app.pseudonymise,
    auditFiles: async () => (pattern ? expandAuditPath(pattern) : []),
    recentEvents: cfg.recentEvents,
    phone: { defaultCountry: app.config.sms.defaultCountry, allowedCountries: app.config.sms.allowedCountries },
  });

  server.addHook('onRequest', async (req, reply) => {
    reply.header('cache-control', 'no-store');
    try {
      await limiter.consume(req.ip);
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      return reply.code(429).header('retry-after', String(Math.ceil(e.msBeforeNext / 1000))).send({ ok: false, code: 'rate_limited' });
    }
    // The servicedesk pages: the agent's session decides (web/desk-server.ts). The matched route, not the raw URL,
    // so no spelling of a path (`/desk/../admin/…`) reaches an admin route without a token.
    if (isDeskPath(req.routeOptions.url ?? '')) return;
    const label = tokenLabel(req.headers.authorization);
    if (!label) {
      // Not awaited: the 401 must not wait for (or be timed by) the audit disk.
      app.audit.record({ step: 'admin', outcome: 'unauthorized', client: req.ip }).catch((err: Error) => log.error({ err: err.message }, 'admin: audit of a refused token failed'));
      return reply.code(401).header('www-authenticate', 'Bearer').send({ ok: false, code: 'unauthorized' });
    }
    req.admin = label;
  });

  // Secure cookies with TLS here or, beyond loopback, with the TLS proxy that must then be in front.
  if (app.config.desk.enabled) await registerDesk(server, app, { log, secure: !!https || cfg.allowNonLoopback, ...(opts.rendererDir ? { rendererDir: opts.rendererDir } : {}), ...(opts.now ? { now: opts.now } : {}) });

  server.get('/admin/status', async (req, reply) => {
    const q = person.safeParse(req.query);
    if (!q.success) return reply.code(400).send({ ok: false, code: 'invalid_request' });
    return { ok: true, ...(await desk.status(q.data, req.admin!)) };
  });
  server.post('/admin/unblock', async (req, reply) => {
    const q = person.safeParse(req.body ?? {});
    if (!q.success) return reply.code(400).send({ ok: false, code: 'invalid_request' });
    return { ok: true, ...(await desk.unblock(q.data, req.admin!)) };
  });
  server.get('/admin/health', async (_req, reply) => {
    const r = await ready();
    return reply.code(r.ok ? 200 : 503).send({ ok: r.ok, checks: r.checks, describe: app.describe, uptimeSeconds: Math.round((Date.now() - started) / 1000) });
  });
  server.get('/metrics', async (_req, reply) => reply.header('content-type', metrics.contentType).send(await metrics.render()));

  logRequests(server, log);
  answerErrors(server, log, { what: 'admin listener', notFound: 'not_found' });
  return server;
}
