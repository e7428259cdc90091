// In the kiosk (both modes) the wizard tells the kiosk's main process where it is — code step, success, leaving — by
// an in-page navigation to a fixed fragment (src-main/core/kiosk-signal.ts). Main reads it from its own window on its
// own origin only; there is no API for it, so the central service's page gets none. A browser never signals.
import {
  KIOSK_SIGNAL_PREFIX,
  KIOSK_USER_AGENT,
  kioskFragment,
  type KioskSignal,
} from '../src-main/core/kiosk-signal.js';
import type { Step } from './wizard.svelte.js';

/** The kiosk's Electron session names itself in the user agent (central mode has no window.resetKiosk). */
export const isKioskAgent = (userAgent: string): boolean => KIOSK_USER_AGENT.test(userAgent);

/** What a screen means to the kiosk: the code step idles longer, the success screen ends the session. */
export const signalOf = (step: Step): KioskSignal =>
  step === 'code' ? 'step/code' : step === 'done' ? 'end/done' : 'step/other';

/**
 * Sends a signal once: `location.replace` changes only the fragment (no reload, no history entry) and fires
 * Electron's did-navigate-in-page. Before the first real signal the kiosk already assumes "another step".
 */
export function sendKioskSignal(location: Pick<Location, 'hash' | 'replace'>, signal: KioskSignal): void {
  const fragment = kioskFragment(signal);
  if (location.hash === fragment) return;
  if (signal === 'step/other' && !location.hash.startsWith(KIOSK_SIGNAL_PREFIX)) return;
  location.replace(fragment);
}
