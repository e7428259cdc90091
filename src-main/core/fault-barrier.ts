// The edge between hosts and the core: faults and bugs become `internal` with a correlation id in the log,
// never a stack trace or an exception across the boundary (result codes, not exceptions: docs/architecture.md).
import { fail, forwardEach, type ClientContext, type ResetService } from './contract.js';
import type { Logger } from './ports/log.js';
import { newCorrelationId } from './timing.js';

export function withFaultBarrier(service: ResetService, log: Logger): ResetService {
  return forwardEach<[ClientContext]>((method) => async (req, client) => {
    try {
      return await service[method](req, client);
    } catch (e) {
      const correlationId = newCorrelationId();
      log.error(
        {
          correlationId,
          method,
          err: e instanceof Error ? { name: e.name, message: e.message, stack: e.stack } : String(e),
        },
        'unexpected fault',
      );
      return fail('internal', { correlationId });
    }
  });
}
