// Follows the wizard through the IPC results main already sees: which core session is active (so a wipe can
// cancel it server-side) and when a reset succeeded (the wizard's end: wipe or logoff after doneSeconds).
import type { Method } from '../core/contract.js';

export type WizardTracker = {
  onCall(method: Method, req: unknown, res: unknown): void;
  /** The active session id, forgotten as it is returned. */
  take(): string | undefined;
};

const okWith = (res: unknown): Record<string, unknown> | undefined =>
  res && typeof res === 'object' && (res as { ok?: unknown }).ok === true ? (res as Record<string, unknown>) : undefined;

export function trackWizard(onDone: () => void): WizardTracker {
  let active: string | undefined;
  return {
    onCall(method, req, res) {
      const ok = okWith(res);
      if (method === 'start' && ok && typeof ok.sessionId === 'string') active = ok.sessionId;
      if (method === 'cancel' && (req as { sessionId?: string }).sessionId === active) active = undefined;
      if (method === 'setPassword' && ok?.step === 'done') {
        active = undefined;
        onDone();
      }
    },
    take() {
      const id = active;
      active = undefined;
      return id;
    },
  };
}
