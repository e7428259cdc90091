// Audit search for both roles: the verified lines of every host's file for a period, for one person (any
// spelling, and the pseudonym of what she typed) or for the servicedesk's own actions (`client` desk:*), newest
// first, at most 200. The page shows what the trail holds; the search itself is audited as `desk_audit_search`.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { App } from '../app.js';
import { parseSince, searchAudit } from '../audit/search.js';
import { agentLabel } from '../desk/person-view.js';
import type { Guard } from './desk-auth.js';

export const AUDIT_PAGE = 200;

export function registerAuditRoutes(
  scope: FastifyInstance,
  deps: { app: App; auditFiles: () => Promise<string[]>; guards: { require: () => Guard } },
): void {
  const query = z
    .object({
      user: z.string().max(256).optional(),
      since: z.string().max(40).default('7d'),
      desk: z.enum(['0', '1']).default('0'),
    })
    .strict();
  scope.get('/api/audit', { preHandler: deps.guards.require() }, async (req, reply) => {
    const q = query.safeParse(req.query);
    const since = q.success ? parseSince(q.data.since) : undefined;
    if (!q.success || !since) return reply.code(400).send({ ok: false, code: 'invalid_request' });
    const user = q.data.user?.trim();
    const { matches, files } = await searchAudit(await deps.auditFiles(), {
      since,
      ...(user ? { users: [user] } : {}),
      pseudonymise: deps.app.pseudonymise,
    });
    const wanted =
      q.data.desk === '1'
        ? matches.filter((m) => m.client.startsWith('desk:') || m.client.startsWith('admin:'))
        : matches;
    await deps.app.audit.record({
      step: 'admin',
      outcome: 'desk_audit_search',
      ...(user ? { user } : {}),
      client: agentLabel(req.desk!.agent),
    });
    return {
      ok: true,
      total: wanted.length,
      events: wanted
        .slice(-AUDIT_PAGE)
        .reverse()
        .map(({ ts, host, step, outcome, user: u, client, reason, typed }) => ({
          ts,
          host,
          step,
          outcome,
          user: typed ?? u,
          client,
          ...(reason ? { reason } : {}),
        })),
      unreadable: files.filter((f) => !f.result.ok).length,
    };
  });
}
