// How a wizard ends on a kiosk (idle, done, or the person left): cancel the core session, then log the Windows
// session off (the logon-screen setup) or wipe the window back to the start. Whatever fails on the way, the session still ends:
// a failed cancel never skips the logoff or wipe, and a failed logoff falls back to the wipe (fail closed).
import type { Logger } from '../../core/ports/log.js';
import type { EndReason } from './lifecycle.js';

export type SessionEndDeps = {
  /** Cancels the core session the wizard holds (local mode); absent in central mode (the server expires it). */
  cancelActive?: (() => Promise<void>) | undefined;
  /** Log the Windows session off instead of wiping (shouldLogoff). */
  logoff: boolean;
  /** Resolves true when the logoff was started. */
  runLogoff: () => Promise<boolean>;
  /** Clears storage and cache and reloads the start screen (after idle: saying why, see startUrlAfter). */
  wipe: (why: EndReason) => Promise<void>;
  /** Lets the window close while a logoff is under way. */
  setQuitting: (quitting: boolean) => void;
  log: Logger;
};

/** The start screen after a wipe: after idle with `#idle`, so the wizard tells the next person why it is empty. */
export const startUrlAfter = (startUrl: string, why: EndReason): string =>
  why === 'idle' ? `${startUrl}#idle` : startUrl;

/**
 * Whether loading `next` over `current` would stay in the same document: a URL that differs only by a fragment it has
 * is a fragment navigation (HTML standard, "navigate to a fragment"), which reloads nothing. The wipe then reloads.
 */
export const staysInDocument = (current: string, next: string): boolean =>
  next.includes('#') && current.split('#')[0] === next.split('#')[0];

const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function sessionEnder(d: SessionEndDeps): (why: EndReason) => Promise<void> {
  return async (why) => {
    d.log.info({ reason: why }, 'wizard ended: wiping');
    try {
      await d.cancelActive?.();
    } catch (e) {
      d.log.error({ err: reason(e) }, 'cancelling the session failed; it expires by itself');
    } finally {
      if (d.logoff) {
        d.setQuitting(true);
        const started = await d.runLogoff().catch(() => false);
        if (!started) {
          d.setQuitting(false);
          d.log.error({}, 'logoff failed: wiping instead');
        }
        if (started) return;
      }
      await d.wipe(why);
    }
  };
}
