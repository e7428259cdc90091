// Local mode: which core session the wizard holds, so a wipe or logoff can cancel it in the core at once instead of
// leaving it to expire (session-end.ts). Only that: where the wizard is (code step, success, leaving) main learns
// from the wizard's own signals (wizard-signal.ts), not by re-deriving the wizard from the IPC answers.
import type { Method } from '../../core/contract.js';

export type ActiveSession = {
  /** After a validated IPC call (ipc.ts onCall). */
  onCall: (method: Method, req: unknown, res: unknown) => void;
  /** The active session id, forgotten as it is returned. */
  take: () => string | undefined;
};

const sessionIdOf = (x: unknown): unknown =>
  x && typeof x === 'object' ? (x as { sessionId?: unknown }).sessionId : undefined;
const isOk = (res: unknown): boolean => !!res && typeof res === 'object' && (res as { ok?: unknown }).ok === true;

export function trackActiveSession(): ActiveSession {
  let active: string | undefined;
  return {
    onCall(method, req, res) {
      const started = method === 'start' && isOk(res) ? sessionIdOf(res) : undefined;
      if (typeof started === 'string') active = started;
      // The core wipes a session once it is cancelled or has done its work: nothing left to cancel.
      else if (
        active !== undefined &&
        sessionIdOf(req) === active &&
        (method === 'cancel' || method === 'setPassword' || method === 'unlock') &&
        isOk(res)
      )
        active = undefined;
    },
    take() {
      const id = active;
      active = undefined;
      return id;
    },
  };
}
