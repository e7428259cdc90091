// The one door from a host into the core: the web host (POST /api/<method>) and the kiosk's IPC handler both
// call this. It names the method, validates the argument with the same schema, and runs the service with the
// client context the host supplies (never the renderer). Unknown methods and bad arguments never reach the core.
import { isMethod, type ClientContext, type Method, type ResetService } from './contract.js';
import { schemas } from './schemas.js';

export type Dispatched =
  | { ok: true; method: Method; request: unknown; response: unknown }
  | { ok: false; refusal: 'unknown_method' | 'invalid_request' };

export type Dispatch = (method: string, arg: unknown, client: ClientContext) => Promise<Dispatched>;

export function dispatcher(service: ResetService): Dispatch {
  return async (method, arg, client) => {
    if (!isMethod(method)) return { ok: false, refusal: 'unknown_method' };
    const parsed = schemas[method].safeParse(arg ?? {});
    if (!parsed.success) return { ok: false, refusal: 'invalid_request' };
    // `parsed.data` is what `method`'s own schema produced: that method's request.
    return { ok: true, method, request: parsed.data, response: await service[method](parsed.data as never, client) };
  };
}
