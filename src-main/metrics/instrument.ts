// Times every API call and counts its result, around the fault barrier (so `internal` faults count too).
// A wrapper in the composition root, not code in the core: the core stays free of prom-client.
import {
  forwardEach,
  type ClientContext,
  type Method,
  type Purpose,
  type Request,
  type ResetService,
} from '../core/contract.js';
import type { Metrics } from './metrics.js';

/** The calls that complete a flow, with the flow's purpose; `start` starts one (its request names the purpose). */
const COMPLETES: Partial<Record<Method, Purpose>> = { setPassword: 'reset', unlock: 'unlock' };

export function instrument(service: ResetService, metrics: Metrics): ResetService {
  return forwardEach<[ClientContext]>((method) => async (req, client) => {
    const stop = metrics.duration.startTimer({ method });
    const res = await service[method](req, client);
    stop();
    metrics.requests.inc({ method, result: res.ok ? 'ok' : res.code });
    if (res.ok && method === 'start') metrics.started.inc({ purpose: (req as Request<'start'>).purpose ?? 'reset' });
    if (res.ok && COMPLETES[method]) metrics.completed.inc({ purpose: COMPLETES[method] });
    return res;
  });
}
