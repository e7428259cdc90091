// Who may pass the admin listener's door, in this order:
// 1. the bearer token (admin/tokens.ts: constant time, every token every time). A right token always passes
//    this step, whatever happened from its address before: a flood of wrong tokens from one place (or through
//    the shared proxy) cannot lock the servicedesk out;
// 2. a wrong or missing token counts against its client (address, IPv6 /64, behind server.trustProxy the real
//    client: web/client-key.ts, as the wizard counts): 401 until `failureLimit` is spent, then 429 until the
//    window ends. Tokens are ≥ 32 random characters, so the limit bounds noise (audit lines, CPU), not guessing;
//    only the first refusal of a blocked window is audited;
// 3. a right token is limited per token (`rateLimit`), so a leaked or runaway one cannot hammer the directory;
// 4. the route's scope (config/admin.ts ADMIN_SCOPES): a token without it gets 403 and an audit line that says
//    which token tried what for whom.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { AdminConfig, AdminScope } from '../config/admin.js';
import type { AuditSink } from '../core/ports/audit.js';
import type { Logger } from '../core/ports/log.js';
import type { TokenCheck } from '../admin/tokens.js';
import { clientKey } from './client-key.js';

declare module 'fastify' {
  interface FastifyRequest {
    admin?: string;
  }
  interface FastifyContextConfig {
    /** What a token needs for this route. */
    scope?: AdminScope;
  }
}

const retryAfter = (e: RateLimiterRes) => String(Math.max(1, Math.ceil(e.msBeforeNext / 1000)));

export function adminGuard(cfg: AdminConfig, check: TokenCheck, audit: AuditSink, log: Logger) {
  const failures = new RateLimiterMemory({
    keyPrefix: 'rk:admin-fail',
    points: cfg.failureLimit.points,
    duration: cfg.failureLimit.durationSeconds,
  });
  const perToken = new RateLimiterMemory({
    keyPrefix: 'rk:admin-token',
    points: cfg.rateLimit.points,
    duration: cfg.rateLimit.durationSeconds,
  });
  // Not awaited: an answer must not wait for (or be timed by) the audit disk.
  const record = (e: Parameters<AuditSink['record']>[0]) =>
    void audit.record(e).catch((err: Error) => log.error({ err: err.message }, 'admin: audit failed'));

  /** onRequest: steps 1–3, before the body is even read. */
  const door = async (req: FastifyRequest, reply: FastifyReply): Promise<unknown> => {
    reply.header('cache-control', 'no-store');
    const token = check(req.headers.authorization);
    const client = clientKey(req.ip);
    if (!token) {
      try {
        await failures.consume(client);
      } catch (e) {
        if (!(e instanceof RateLimiterRes)) throw e;
        if (e.consumedPoints === cfg.failureLimit.points + 1)
          record({ step: 'admin', outcome: 'unauthorized_blocked', client });
        return reply.code(429).header('retry-after', retryAfter(e)).send({ ok: false, code: 'rate_limited' });
      }
      record({ step: 'admin', outcome: 'unauthorized', client });
      return reply.code(401).header('www-authenticate', 'Bearer').send({ ok: false, code: 'unauthorized' });
    }
    try {
      await perToken.consume(token.label);
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      return reply.code(429).header('retry-after', retryAfter(e)).send({ ok: false, code: 'rate_limited' });
    }
    req.admin = token.label;
    scopes.set(req, token.scopes);
    return undefined;
  };
  const scopes = new WeakMap<FastifyRequest, ReadonlySet<AdminScope>>();

  /** preHandler: step 4, once the body is parsed (the audit line names whom the refused action was about). */
  const scoped = async (req: FastifyRequest, reply: FastifyReply): Promise<unknown> => {
    const scope = req.routeOptions.config.scope;
    if (!scope || scopes.get(req)?.has(scope)) return undefined;
    const typed = typedName(req);
    record({
      step: 'admin',
      outcome: `forbidden_${scope}`,
      client: `admin:${req.admin}`,
      ...(typed ? { subject: { typed } } : {}),
    });
    return reply.code(403).send({ ok: false, code: 'forbidden' });
  };
  return { door, scoped };
}

/** The name or account id the request is about, as given (bounded), for the audit of a refusal. */
function typedName(req: FastifyRequest): string | undefined {
  const q = {
    ...(req.query as Record<string, unknown>),
    ...(typeof req.body === 'object' && req.body ? (req.body as Record<string, unknown>) : {}),
  };
  const v = q['user'] ?? q['account'];
  return typeof v === 'string' && v ? v.slice(0, 256) : undefined;
}
