// The IPC channel names, in one place (electron/fiddle's IpcEvents enum): one channel per contract method.
// `satisfies Record<Method, string>` makes a missing or extra method a compile error, and keeps this file
// free of zod so the bundled preload stays tiny.
import type { Method } from '../core/contract.js';

export const CHANNELS = {
  info: 'reset-kiosk:info',
  start: 'reset-kiosk:start',
  verifyIdentity: 'reset-kiosk:verify-identity',
  resendCode: 'reset-kiosk:resend-code',
  verifyCode: 'reset-kiosk:verify-code',
  setPassword: 'reset-kiosk:set-password',
  cancel: 'reset-kiosk:cancel',
} as const satisfies Record<Method, string>;

export const CHANNEL_METHODS = Object.keys(CHANNELS) as Method[];

/** The name under which the preload exposes the API: `window.resetKiosk` (see src-renderer/api.ts). */
export const API_KEY = 'resetKiosk';
