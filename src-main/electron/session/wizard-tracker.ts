// Follows the wizard through the IPC results main already sees: which core session is active (so a wipe can
// cancel it server-side), whether the wizard waits for a code (a longer idle limit while the nurse fetches her
// phone), when a reset succeeded (wipe or logoff after doneSeconds), and when the person chose to leave: a
// `cancel` without a session comes from the first step or the success screen (src-renderer wizard.leave()).
import type { Method } from '../../core/contract.js';

/** What main's lifecycle learns: the code step began or ended, the reset succeeded, the person left. */
export type WizardEvent = 'code-step' | 'other-step' | 'done' | 'left';

export type WizardTracker = {
  onCall(method: Method, req: unknown, res: unknown): void;
  /** The active session id, forgotten as it is returned. */
  take(): string | undefined;
};

const okWith = (res: unknown): Record<string, unknown> | undefined =>
  res && typeof res === 'object' && (res as { ok?: unknown }).ok === true ? (res as Record<string, unknown>) : undefined;
const failedWith = (res: unknown): unknown => (res && typeof res === 'object' ? (res as { code?: unknown }).code : undefined);

export function trackWizard(on: (event: WizardEvent) => void): WizardTracker {
  let active: string | undefined;
  return {
    onCall(method, req, res) {
      const ok = okWith(res);
      const sessionId = (req as { sessionId?: unknown } | undefined)?.sessionId;
      if (method === 'start' && ok && typeof ok.sessionId === 'string') {
        active = ok.sessionId;
        on('other-step');
      }
      if (method === 'verifyIdentity' && ok?.step === 'code') on('code-step');
      if (method === 'verifyCode' && ok) on('other-step');
      // The renderer starts over after a lost session: it is no longer on the code step.
      if (failedWith(res) === 'session_expired') on('other-step');
      if (method === 'cancel') {
        if (sessionId === undefined) return on('left');
        if (sessionId === active) active = undefined;
        on('other-step');
      }
      // The end of the wizard: a new password set, or (unlock-only) the lockout lifted.
      if ((method === 'setPassword' && ok?.step === 'done') || (method === 'unlock' && ok?.step === 'unlocked')) {
        active = undefined;
        on('done');
      }
    },
    take() {
      const id = active;
      active = undefined;
      return id;
    },
  };
}
