// One log line per answered request: method, route, status, duration, client. Never a body, a query string or
// a header: bodies carry birthdates, codes and passwords, and none of that belongs in a log.
import type { FastifyInstance } from 'fastify';
import type { Logger } from '../core/ports/log.js';

/** Polled by load balancers every few seconds: logging them would drown the real traffic. */
const QUIET = new Set(['/healthz', '/readyz']);

export function logRequests(server: FastifyInstance, log: Logger): void {
  server.addHook('onResponse', async (req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    if (QUIET.has(path)) return;
    const entry = {
      reqId: req.id,
      method: req.method,
      // The route pattern plus the API method name; not req.url, whose query string could carry anything.
      route: req.routeOptions.url ?? 'unmatched',
      ...(typeof (req.params as { method?: unknown })?.method === 'string'
        ? { api: (req.params as { method: string }).method.slice(0, 32) }
        : {}),
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime),
      client: req.ip,
    };
    if (reply.statusCode >= 500) log.error(entry, 'request');
    else log.info(entry, 'request');
  });
}
