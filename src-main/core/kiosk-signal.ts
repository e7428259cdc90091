// How the wizard tells the kiosk's main process where it is, in both kiosk modes: the top frame navigates in-page to
// one of these fixed fragments (src-renderer/kiosk-signal.ts), and main reads them from did-navigate-in-page of its
// own window on its own (pinned) origin only (src-main/electron/session/wizard-signal.ts). No preload and no IPC for
// it: the central service's page gets no API, only four words main already knows. docs/windows-kiosk.md compares
// this with a preload against Electron's security checklist.

/** code step begun / any other step / reset or unlock succeeded / the person chose to leave (Annuleren, Afsluiten). */
export const KIOSK_SIGNALS = ['step/code', 'step/other', 'end/done', 'end/left'] as const;
export type KioskSignal = (typeof KIOSK_SIGNALS)[number];

/** The fragment before the signal: `#/kiosk/end/done`. */
export const KIOSK_SIGNAL_PREFIX = '#/kiosk/';

/** The fragment a signal is sent as. */
export const kioskFragment = (signal: KioskSignal): string => `${KIOSK_SIGNAL_PREFIX}${signal}`;

/** The signal a URL's fragment carries, or undefined: exactly one of the four, nothing else is read. */
export function kioskSignalOf(hash: string): KioskSignal | undefined {
  if (!hash.startsWith(KIOSK_SIGNAL_PREFIX)) return undefined;
  const word = hash.slice(KIOSK_SIGNAL_PREFIX.length);
  return (KIOSK_SIGNALS as readonly string[]).includes(word) ? (word as KioskSignal) : undefined;
}

/**
 * The kiosk's Electron session names itself in the user agent: `… reset-kiosk/<kioskId>` (electron/main.ts). The
 * wizard served by the central service takes the kiosk's texts and signals when it sees this (a browser never
 * sends it; a browser that fakes it only changes its own texts).
 */
export const KIOSK_USER_AGENT = /\sreset-kiosk\/[A-Za-z0-9._-]{1,64}$/;
