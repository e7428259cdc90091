// The request schemas, one per contract method, used by every boundary (HTTP body, IPC argument) through
// dispatch.ts. Generous upper bounds: enough for any real input, small enough to keep hostile input cheap.
// `satisfies` ties each schema to the zod-free request type in contract.ts, so the two cannot drift apart.
import { z } from 'zod';
import { LANGS, PURPOSES, type Method, type Request } from './contract.js';

const sessionId = z.string().regex(/^[0-9a-f]{32}$/);
const session = { sessionId };

export const schemas = {
  info: z.object({}).strict(),
  start: z
    .object({ username: z.string().max(256), lang: z.enum(LANGS).optional(), purpose: z.enum(PURPOSES).optional() })
    .strict(),
  verifyIdentity: z.object({ ...session, birthdate: z.string().max(64) }).strict(),
  resendCode: z.object(session).strict(),
  verifyCode: z.object({ ...session, code: z.string().max(64) }).strict(),
  setPassword: z.object({ ...session, password: z.string().max(256), repeat: z.string().max(256) }).strict(),
  unlock: z.object(session).strict(),
  cancel: z.object({ sessionId: sessionId.optional() }).strict(),
} satisfies { [M in Method]: z.ZodType<Request<M>> };
