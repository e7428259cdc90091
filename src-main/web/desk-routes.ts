// The servicedesk pages' API (under /desk/api): find a person, verify the caller by a code, lift blocks, unlock.
// Reading needs a signed-in agent of either role; every change needs the servicedesk role and the CSRF token.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { DeskActions } from '../desk/actions.js';
import { cleanReason } from '../desk/actions.js';
import type { PersonViewer } from '../desk/person-view.js';
import type { CallerCheck } from '../desk/verify.js';
import { agentLabel } from '../desk/person-view.js';
import type { AuditSink } from '../core/ports/audit.js';
import type { Guard } from './desk-auth.js';

export type DeskRouteDeps = {
  viewer: PersonViewer;
  actions: DeskActions;
  caller: CallerCheck | undefined;
  audit: AuditSink;
  guards: { require: (role?: 'servicedesk') => Guard; csrf: Guard };
};

const user = z.string().min(1).max(256);
const personQuery = z.object({ user }).strict();
const withReason = z.object({ user, reason: z.string().max(1000) }).strict();

export function registerDeskRoutes(scope: FastifyInstance, deps: DeskRouteDeps): void {
  const { viewer, actions, caller, audit } = deps;
  const read = { preHandler: deps.guards.require() };
  const write = { preHandler: [deps.guards.require('servicedesk'), deps.guards.csrf] };

  scope.get('/api/person', read, async (req, reply) => {
    const q = personQuery.safeParse(req.query);
    if (!q.success) return reply.code(400).send({ ok: false, code: 'invalid_request' });
    return {
      ok: true,
      person: await viewer.view(q.data.user, req.desk!.agent, req.desk!.verified),
      verifyAvailable: !!caller,
    };
  });

  scope.post('/api/verify/send', write, async (req, reply) => {
    const q = personQuery.safeParse(req.body);
    if (!q.success) return reply.code(400).send({ ok: false, code: 'invalid_request' });
    if (!caller) return reply.code(409).send({ ok: false, code: 'verify_unavailable' }); // no SMS sender for own texts (Twilio Verify without `from`)
    const found = await viewer.user(q.data.user);
    const mobile = found ? viewer.mobileOf(found) : undefined;
    if (!found || !mobile || found.disabled) return reply.code(409).send({ ok: false, code: 'no_mobile' });
    const sent = await caller.send(req.desk!, found.accountKey, mobile);
    await audit.record({
      step: 'admin',
      outcome: sent.ok ? 'desk_verify_sent' : `desk_verify_${sent.code}`,
      user: found.username,
      client: agentLabel(req.desk!.agent),
    });
    if (!sent.ok) return reply.code(sent.code === 'verify_limited' ? 429 : 502).send(sent);
    return { ok: true, mobileEnds: mobile.slice(-2) };
  });

  scope.post('/api/verify/check', write, async (req, reply) => {
    const q = z
      .object({ user, code: z.string().max(20) })
      .strict()
      .safeParse(req.body);
    if (!q.success || !caller) return reply.code(400).send({ ok: false, code: 'invalid_request' });
    const found = await viewer.user(q.data.user);
    if (!found) return reply.code(409).send({ ok: false, code: 'no_code' });
    const result = caller.check(req.desk!, found.accountKey, q.data.code);
    await audit.record({
      step: 'admin',
      outcome: `desk_verify_${result}`,
      user: found.username,
      client: agentLabel(req.desk!.agent),
    });
    return { ok: true, verified: result === 'verified', result };
  });

  scope.post('/api/unblock', write, async (req, reply) => {
    const q = withReason.safeParse(req.body);
    const reason = q.success ? cleanReason(q.data.reason) : null;
    if (!q.success || !reason)
      return reply.code(400).send({ ok: false, code: q.success ? 'reason_required' : 'invalid_request' });
    const found = await viewer.user(q.data.user);
    const verified = !!found && req.desk!.verified.has(found.accountKey);
    await actions.unblock(q.data.user, req.desk!.agent, reason, verified);
    // Read again (a `status` look in the audit) so her events show the lift just made.
    return { ok: true, verified, person: await viewer.view(q.data.user, req.desk!.agent, req.desk!.verified) };
  });

  scope.post('/api/unlock', write, async (req, reply) => {
    const q = withReason.safeParse(req.body);
    const reason = q.success ? cleanReason(q.data.reason) : null;
    if (!q.success || !reason)
      return reply.code(400).send({ ok: false, code: q.success ? 'reason_required' : 'invalid_request' });
    const found = await viewer.user(q.data.user);
    if (!found)
      return reply.code(409).send({ ok: false, code: found === undefined ? 'directory_unavailable' : 'no_account' });
    const verified = req.desk!.verified.has(found.accountKey);
    const result = await actions.unlock(found, req.desk!.agent, reason, verified);
    if (result !== 'ok')
      return reply
        .code(result === 'rights' ? 403 : 503)
        .send({ ok: false, code: result === 'rights' ? 'unlock_rights' : 'directory_unavailable' });
    return { ok: true, verified, person: await viewer.view(q.data.user, req.desk!.agent, req.desk!.verified) };
  });

  scope.post('/api/unblock-client', write, async (req, reply) => {
    const q = z
      .object({ client: z.string().regex(/^[\w.:[\]-]{1,100}$/), reason: z.string().max(1000) })
      .strict()
      .safeParse(req.body);
    const reason = q.success ? cleanReason(q.data.reason) : null;
    if (!q.success || !reason)
      return reply.code(400).send({ ok: false, code: q.success ? 'reason_required' : 'invalid_request' });
    await actions.unblockClient(q.data.client, req.desk!.agent, reason);
    return { ok: true };
  });
}
