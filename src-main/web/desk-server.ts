// The servicedesk pages on the admin listener (off unless `desk.enabled`): /desk/ is the page (Vite's second
// entry, dist/renderer/desk.html, under the wizard's CSP), /desk/api/* its API. The admin listener's bearer
// check skips /desk: here the agent's session (desk-auth.ts) decides. Adapters are imported when named.
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { App } from '../app.js';
import { expandAuditPath } from '../audit/files.js';
import type { Logger } from '../core/ports/log.js';
import { DemoAgents, type AgentDirectory } from '../desk/agents.js';
import { DeskActions } from '../desk/actions.js';
import { DeskBudget } from '../desk/budget.js';
import { PersonViewer } from '../desk/person-view.js';
import { CallerCheck } from '../desk/verify.js';
import { renderMessage } from '../sms/messages.js';
import { CSP } from './csp.js';
import { registerAuditRoutes } from './desk-audit.js';
import { registerDeskAuth } from './desk-auth.js';
import { registerDeskRoutes } from './desk-routes.js';
import { registerUsageRoutes } from './desk-usage.js';
import { loadAssets } from './static.js';

export const DESK_PREFIX = '/desk';
export const isDeskPath = (url: string) => url === DESK_PREFIX || url.startsWith(`${DESK_PREFIX}/`);

export type DeskOptions = { log: Logger; secure: boolean; rendererDir?: string; now?: () => number };

async function agentDirectory(app: App, log: Logger): Promise<AgentDirectory> {
  const c = app.config;
  if (c.directory.type === 'demo') {
    const demo = app.directory as Partial<{ isLocked(id: string): boolean }>;
    return DemoAgents.load((u) => demo.isLocked?.(u.id));
  }
  const { AdDeskDirectory } = await import('../directory/ad/index.js');
  const ad = AdDeskDirectory.create(
    c.directory,
    { groups: c.desk.groups!, agentBaseDn: c.desk.agentBaseDn },
    log,
    app.env,
  );
  return { signIn: (u, p) => ad.signIn(u, p), lockedOut: (user) => ad.lockedOut(user.id) };
}

export async function registerDesk(server: FastifyInstance, app: App, opts: DeskOptions): Promise<void> {
  const c = app.config;
  const agents = await agentDirectory(app, opts.log);
  const pattern = c.audit.file;
  const auditFiles = async () => (pattern ? expandAuditPath(pattern) : []);
  const phone = { defaultCountry: c.sms.defaultCountry, allowedCountries: c.sms.allowedCountries };
  const people = app.people;
  if (!people)
    throw new Error('the servicedesk pages need an app built with admin.enabled (app.ts builds its PersonDesk)');
  const viewer = new PersonViewer(people, app.directory, agents, phone);
  const actions = new DeskActions({ people, throttles: app.throttles, directory: app.directory, audit: app.audit });
  const text = (code: string) =>
    renderMessage(c.sms.templates, 'desk', c.language, { organisation: c.organisation, code });
  const caller = app.sender
    ? new CallerCheck(app.sender, new DeskBudget('verify', c.desk.verifyPerPerson, app.limiters), {
        text,
        codeSeconds: c.desk.verifyCodeSeconds,
        ...(opts.now ? { now: opts.now } : {}),
      })
    : undefined;
  const rendererDir = opts.rendererDir ?? fileURLToPath(new URL('../../desk', import.meta.url));
  const assets = existsSync(`${rendererDir}/desk.html`) ? loadAssets(rendererDir) : undefined;

  await server.register(
    async (scope) => {
      scope.addHook('onSend', async (_req, reply) => {
        reply.header('content-security-policy', CSP);
      });
      const guards = await registerDeskAuth(scope, {
        agents,
        config: c.desk,
        secure: opts.secure,
        audit: app.audit,
        pseudonymise: app.pseudonymise,
        limiters: app.limiters,
        log: opts.log,
        ...(opts.now ? { now: opts.now } : {}),
      });
      registerDeskRoutes(scope, { viewer, actions, caller, audit: app.audit, guards });
      registerUsageRoutes(scope, { app, auditFiles, guards });
      registerAuditRoutes(scope, { app, auditFiles, guards });
      scope.setErrorHandler((err: { statusCode?: number; code?: string; message: string }, _req, reply) => {
        if (err.code === 'FST_CSRF_INVALID_TOKEN' || err.code === 'FST_CSRF_MISSING_SECRET')
          return reply.code(403).send({ ok: false, code: 'csrf' });
        const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
        if (status === 500) opts.log.error({ err: err.message }, 'desk fault');
        return reply.code(status).send({ ok: false, code: status === 500 ? 'internal' : 'invalid_request' });
      });
      if (!assets) return;
      const page = assets.get('/desk.html')!;
      scope.get('/', async (_req, reply) => reply.type(page.type).send(page.body));
      for (const [path, asset] of assets)
        if (path.startsWith('/assets/'))
          scope.get(path, async (_req, reply) =>
            reply.type(asset.type).header('cache-control', 'public, max-age=31536000, immutable').send(asset.body),
          );
    },
    { prefix: DESK_PREFIX },
  );
}
