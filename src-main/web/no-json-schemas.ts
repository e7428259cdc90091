// Our fastify instances validate nothing with JSON Schema: the core's dispatch checks every request with the
// contract's zod schemas (core/schemas.ts), and answers are plain JSON.stringify. So they are given compilers that
// refuse a schema instead of fastify's defaults, which load ajv (with ajv-formats) and fast-json-stringify into
// every instance (≈ 1.6 MB of heap each, measured with process.memoryUsage() after gc) for routes that never use
// them. A route or plugin that does bring a schema fails at start-up (fastify compiles schemas in ready()), never
// silently unvalidated. fastify's option: https://fastify.dev/docs/latest/Reference/Server/#schemacontroller
import type { FastifyServerOptions } from 'fastify';

const refuse = (what: string) => () => () => {
  throw new Error(`${what}: this server uses no JSON schemas (requests are checked with zod in core/dispatch.ts)`);
};

export const NO_JSON_SCHEMAS: Pick<FastifyServerOptions, 'schemaController'> = {
  schemaController: {
    compilersFactory: { buildValidator: refuse('route schema'), buildSerializer: refuse('response schema') },
  },
};
