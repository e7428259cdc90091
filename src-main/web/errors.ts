// The one fastify error and not-found answer of both listeners (web/server.ts, web/admin-server.ts): a client's
// mistake (4xx) says `invalid_request`, anything else is `internal` and logged — never the error's text to the
// client, never a stack.
import type { FastifyInstance } from 'fastify';
import type { Logger } from '../core/ports/log.js';

export function answerErrors(
  server: FastifyInstance,
  log: Logger,
  opts: { what: string; notFound: 'invalid_request' | 'not_found' },
): void {
  server.setErrorHandler((err: { statusCode?: number; message: string }, _req, reply) => {
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) log.error({ err: err.message }, `${opts.what} fault`);
    return reply.code(status).send({ ok: false, code: status === 500 ? 'internal' : 'invalid_request' });
  });
  server.setNotFoundHandler((_req, reply) => reply.code(404).send({ ok: false, code: opts.notFound }));
}
