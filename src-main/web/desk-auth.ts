// Sign-in for the servicedesk pages (src-main/desk): the agent's own directory account, a session cookie
// (HttpOnly, SameSite=Strict, Secure and `__Host-` behind TLS: RFC 6265bis 4.1.3.2), and a CSRF token on every
// state-changing request (@fastify/csrf-protection, bound to the session by an HMAC). Failed sign-ins are limited
// per typed name and per source address; every refusal gets the same answer.
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { DeskConfig } from '../config/desk.js';
import type { AuditSink } from '../core/ports/audit.js';
import { DirectoryUnavailableError } from '../core/ports/directory.js';
import { padTo } from '../core/timing.js';
import type { Logger } from '../core/ports/log.js';
import type { Pseudonymise } from '../core/pseudonym.js';
import type { LimiterFactory } from '../core/throttle.js';
import { nameKey, normaliseUsername } from '../core/username.js';
import type { AgentDirectory, AgentRole } from '../desk/agents.js';
import { DeskBudget } from '../desk/budget.js';
import { DeskSessions, type DeskSession } from '../desk/sessions.js';

declare module 'fastify' {
  interface FastifyRequest {
    desk?: DeskSession;
  }
}

export type DeskAuthDeps = {
  agents: AgentDirectory;
  config: DeskConfig;
  secure: boolean;
  audit: AuditSink;
  pseudonymise: Pseudonymise;
  limiters: LimiterFactory;
  log: Logger;
  now?: () => number;
};
export type Guard = (req: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

/** The CSRF token's binding before sign-in (@fastify/csrf refuses an empty one): login CSRF is refused too. */
const SIGNED_OUT = 'signed-out';
const signInBody = z.object({ username: z.string().min(1).max(256), password: z.string().min(1).max(512) }).strict();

export async function registerDeskAuth(
  scope: FastifyInstance,
  deps: DeskAuthDeps,
): Promise<{ require: (role?: AgentRole) => Guard; csrf: Guard }> {
  const { config, audit, log } = deps;
  const cookieName = deps.secure ? '__Host-rk_desk' : 'rk_desk';
  const cookieOpts = { path: '/', httpOnly: true, sameSite: 'strict' as const, secure: deps.secure };
  const sessions = new DeskSessions({
    idleMs: config.idleSeconds * 1000,
    absoluteMs: config.absoluteSeconds * 1000,
    ...(deps.now ? { now: deps.now } : {}),
  });
  const perAccount = new DeskBudget('signin-account', config.signInPerAccount, deps.limiters);
  const perSource = new DeskBudget('signin-source', config.signInPerSource, deps.limiters);

  await scope.register(fastifyCookie);
  await scope.register(fastifyCsrf, {
    cookieKey: deps.secure ? '__Host-rk_desk_csrf' : 'rk_desk_csrf',
    cookieOpts,
    getToken: (req) => req.headers['x-csrf-token'] as string | undefined,
    getUserInfo: (req) => req.desk?.key ?? SIGNED_OUT,
    csrfOpts: { hmacKey: randomBytes(32) },
  });
  const tokenFor = (reply: FastifyReply, s?: DeskSession) => reply.generateCsrf({ userInfo: s?.key ?? SIGNED_OUT });
  const noteAudit = (p: Promise<void>) =>
    p.catch((err: Error) => log.error({ err: err.message }, 'desk: audit failed'));

  scope.addHook('onRequest', async (req, reply) => {
    const found = sessions.get(req.cookies[cookieName]);
    if (!found) return;
    req.desk = found.session;
    if (found.newId) reply.setCookie(cookieName, found.newId, cookieOpts);
  });

  const csrf: Guard = (req, reply) =>
    new Promise<void>((resolve, reject) => {
      scope.csrfProtection(req, reply, (err?: Error) => (err ? reject(err) : resolve()));
    });
  const require =
    (role?: AgentRole): Guard =>
    async (req, reply) => {
      if (!req.desk) return reply.code(401).send({ ok: false, code: 'signed_out' });
      if (role && req.desk.agent.role !== role) return reply.code(403).send({ ok: false, code: 'forbidden' });
    };

  scope.get('/api/session', async (req, reply) => ({
    ok: true,
    agent: req.desk?.agent ?? null,
    csrf: tokenFor(reply, req.desk),
    idleSeconds: config.idleSeconds,
  }));

  scope.post('/api/signin', { preHandler: csrf }, async (req, reply) => {
    const body = signInBody.safeParse(req.body);
    if (!body.success) return reply.code(400).send({ ok: false, code: 'invalid_request' });
    const typed = normaliseUsername(body.data.username) ?? nameKey(body.data.username);
    const key = nameKey(typed);
    const wait = Math.max(await perAccount.blockedFor(key), await perSource.blockedFor(req.ip));
    if (wait)
      return reply
        .code(429)
        .header('retry-after', String(wait))
        .send({ ok: false, code: 'signin_limited', retryAfterSeconds: wait });
    const started = Date.now();
    let agent;
    try {
      agent = await deps.agents.signIn(typed, body.data.password);
    } catch (e) {
      if (!(e instanceof DirectoryUnavailableError)) throw e;
      log.error({ err: e.message }, 'desk: sign-in: directory unavailable');
      return reply.code(503).send({ ok: false, code: 'directory_unavailable' });
    }
    if (!agent) {
      await Promise.all([perAccount.take(key), perSource.take(req.ip)]);
      await noteAudit(
        audit.record({ step: 'admin', outcome: 'desk_signin_refused', user: deps.pseudonymise(typed), client: req.ip }),
      );
      // Every refusal takes at least the floor: a wrong password (Samba answers it later), an unknown name and a
      // non-member then take the same time (OWASP Authentication Cheat Sheet: response times).
      await padTo(started, config.signInFloorMs, undefined);
      return reply.code(401).send({ ok: false, code: 'signin_failed' });
    }
    await perAccount.clear(key);
    sessions.destroy(req.cookies[cookieName]);
    const { id, session } = sessions.create(agent);
    req.desk = session;
    reply.setCookie(cookieName, id, cookieOpts);
    await noteAudit(
      audit.record({ step: 'admin', outcome: 'desk_signin', user: agent.account, client: `desk:${agent.account}` }),
    );
    return { ok: true, agent, csrf: tokenFor(reply, session) };
  });

  scope.post('/api/signout', { preHandler: csrf }, async (req, reply) => {
    if (req.desk)
      await noteAudit(
        audit.record({
          step: 'admin',
          outcome: 'desk_signout',
          user: req.desk.agent.account,
          client: `desk:${req.desk.agent.account}`,
        }),
      );
    sessions.destroy(req.cookies[cookieName]);
    reply.clearCookie(cookieName, cookieOpts);
    req.desk = undefined;
    return { ok: true, csrf: tokenFor(reply) };
  });

  return { require, csrf };
}
