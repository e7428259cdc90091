// `/readyz` for the load balancer: can this host do a reset right now? It runs the app's probes (the directory
// answers a lookup; Redis answers PING when used) under a short timeout. The answer names each probe as ok or
// failed, never why: the reason goes to the log. Results are cached briefly so frequent polling stays cheap.
import type { FastifyInstance } from 'fastify';
import type { Probe } from '../core/ports/probe.js';
import type { Logger } from '../core/ports/log.js';
import { withTimeout } from '../core/timing.js';

export type Readiness = { ok: boolean; checks: Record<string, 'ok' | 'failed'> };

const TIMEOUT_MS = 2000;
const CACHE_MS = 2000;

async function runProbe(probe: Probe, log: Logger): Promise<boolean> {
  try {
    await withTimeout(probe.check(), TIMEOUT_MS, () => new Error(`no answer within ${TIMEOUT_MS} ms`));
    return true;
  } catch (e) {
    log.warn({ probe: probe.name, err: e instanceof Error ? e.message : String(e) }, 'readiness probe failed');
    return false;
  }
}

export function readinessChecker(probes: Probe[], log: Logger, now: () => number = Date.now): () => Promise<Readiness> {
  let cached: { at: number; result: Promise<Readiness> } | undefined;
  const check = async (): Promise<Readiness> => {
    const results = await Promise.all(
      probes.map(async (p) => [p.name, (await runProbe(p, log)) ? 'ok' : 'failed'] as const),
    );
    return { ok: results.every(([, r]) => r === 'ok'), checks: Object.fromEntries(results) };
  };
  return () => {
    if (!cached || now() - cached.at > CACHE_MS) cached = { at: now(), result: check() };
    return cached.result;
  };
}

export function registerReadyz(server: FastifyInstance, probes: Probe[], log: Logger): void {
  const ready = readinessChecker(probes, log);
  server.get('/readyz', async (_req, reply) => {
    const result = await ready();
    return reply.code(result.ok ? 200 : 503).send(result);
  });
}
