// What the window shows and what it may reach, derived once from the settings (docs/windows-kiosk.md: central and local mode).
import type { KioskSettingsData } from '../../settings/schema.js';
import { originOf } from '../window/navigation.js';
import { APP_ORIGIN, APP_START_URL } from '../window/protocol.js';

export type KioskPlan =
  /** local: our wizard from app://kiosk, talking to main over IPC; main holds the core (and the AD secret). */
  | { mode: 'local'; startUrl: string; allowedOrigin: string; requestOrigins: string[]; usePreload: true }
  /**
   * central: the reset service's wizard over pinned HTTPS; no preload, no IPC, no secret on this PC. The window may
   * navigate only within that origin; it may also load app://kiosk, where only the offline page is served.
   */
  | {
      mode: 'central';
      startUrl: string;
      allowedOrigin: string;
      requestOrigins: string[];
      usePreload: false;
      pinHost: string;
      caFile: string;
    };

export function planKiosk(s: KioskSettingsData): KioskPlan {
  if (s.mode === 'local')
    return {
      mode: 'local',
      startUrl: APP_START_URL,
      allowedOrigin: APP_ORIGIN,
      requestOrigins: [APP_ORIGIN],
      usePreload: true,
    };
  // The schema guarantees both in central mode; checked again so a bad object cannot make an open kiosk.
  const origin = s.centralUrl ? originOf(s.centralUrl) : undefined;
  if (!s.centralUrl || !origin || !origin.startsWith('https://') || !s.caFile)
    throw new Error('central mode needs an https centralUrl and a caFile');
  return {
    mode: 'central',
    startUrl: s.centralUrl,
    allowedOrigin: origin,
    requestOrigins: [origin, APP_ORIGIN],
    usePreload: false,
    pinHost: new URL(s.centralUrl).hostname,
    caFile: s.caFile,
  };
}
