// The usage page's API: figures from the audit trail for a period (`since`: 7d, 30d, 90d or a date) as JSON and
// as CSV, plus the coverage report's figures. Read-only: both roles may look.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { App } from '../app.js';
import { parseSince } from '../audit/search.js';
import { cachedCoverage, coverageFigures, usageFromAudit } from '../desk/usage-source.js';
import { usageCsv } from '../desk/usage.js';
import type { Guard } from './desk-auth.js';

export function registerUsageRoutes(
  scope: FastifyInstance,
  deps: { app: App; auditFiles: () => Promise<string[]>; guards: { require: () => Guard } },
): void {
  const { app } = deps;
  const coverage = cachedCoverage(() => coverageFigures(app.config, app.env));
  const query = z.object({ since: z.string().max(40).default('30d') }).strict();
  const figures = async (sinceText: string) => {
    const since = parseSince(sinceText);
    if (!since) return undefined;
    return usageFromAudit(await deps.auditFiles(), { since, until: new Date(), smsPrice: app.config.desk.smsPrice });
  };
  const read = { preHandler: deps.guards.require() };

  scope.get('/api/usage', read, async (req, reply) => {
    const q = query.safeParse(req.query);
    const u = q.success ? await figures(q.data.since) : undefined;
    if (!u) return reply.code(400).send({ ok: false, code: 'invalid_request' });
    return {
      ok: true,
      usage: u,
      coverage: await coverage(),
      currency: app.config.desk.currency,
      smsPrice: app.config.desk.smsPrice,
    };
  });
  scope.get('/api/usage.csv', read, async (req, reply) => {
    const q = query.safeParse(req.query);
    const u = q.success ? await figures(q.data.since) : undefined;
    if (!u) return reply.code(400).send({ ok: false, code: 'invalid_request' });
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="gebruik.csv"')
      .send(usageCsv(u));
  });
}
