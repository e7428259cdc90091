// Test helper: the core service as the renderer sees it, with a fixed client context (what a host adds).
import { forwardEach, type ClientContext, type ResetApi, type ResetService } from '../../src-main/core/contract.js';

export const bindClient = (service: ResetService, client: ClientContext): ResetApi =>
  forwardEach((method) => (req) => service[method](req, client));
