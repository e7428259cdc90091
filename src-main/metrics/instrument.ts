// Times every API call and counts its result, around the fault barrier (so `internal` faults count too).
// A wrapper in the composition root, not code in the core: the core stays free of prom-client.
import { forwardEach, type ClientContext, type Method, type ResetService } from '../core/contract.js';
import type { Metrics } from './metrics.js';

/** The calls that start a flow and the ones that complete it, with the flow's purpose. */
const STARTS: Partial<Record<Method, string>> = { start: 'reset' };
const COMPLETES: Partial<Record<Method, string>> = { setPassword: 'reset' };

export function instrument(service: ResetService, metrics: Metrics): ResetService {
  return forwardEach<[ClientContext]>((method) => async (req, client) => {
    const stop = metrics.duration.startTimer({ method });
    const res = await service[method](req, client);
    stop();
    metrics.requests.inc({ method, result: res.ok ? 'ok' : res.code });
    if (res.ok && STARTS[method]) metrics.started.inc({ purpose: STARTS[method] });
    if (res.ok && COMPLETES[method]) metrics.completed.inc({ purpose: COMPLETES[method] });
    return res;
  });
}
