// Main's side of the wizard's signals (core/kiosk-signal.ts), in both modes: only an in-page navigation of the kiosk
// window's top frame, on the origin the plan allows (app://kiosk, or the pinned central origin), with one of the
// four fixed fragments. Anything else — a sub-frame, another origin, another fragment — is ignored. The page gains
// nothing it could not do before: the person can end the session (Afsluiten) and idle ends it anyway; a page that
// claims the code step only stretches the idle limit to codeIdleSeconds, which the admin set.
import { kioskSignalOf, type KioskSignal } from '../../core/kiosk-signal.js';
import { sameOrigin } from '../window/navigation.js';

export function wizardSignal(url: string, isMainFrame: boolean, allowedOrigin: string): KioskSignal | undefined {
  if (!isMainFrame || !sameOrigin(url, allowedOrigin)) return undefined;
  return kioskSignalOf(new URL(url).hash);
}

/** What main needs of the window's webContents: Electron's did-navigate-in-page (url, isMainFrame). */
export type InPageNavigations = {
  on(event: 'did-navigate-in-page', listener: (e: unknown, url: string, isMainFrame: boolean) => void): unknown;
};

/** Feeds the kiosk window's signals to the lifecycle (main.ts); the Chromium stand-in wires a page the same way. */
export function watchWizardSignals(
  contents: InPageNavigations,
  allowedOrigin: string,
  on: (signal: KioskSignal) => void,
): void {
  contents.on('did-navigate-in-page', (_e, url, isMainFrame) => {
    const signal = wizardSignal(url, isMainFrame, allowedOrigin);
    if (signal) on(signal);
  });
}
