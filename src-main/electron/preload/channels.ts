// The IPC channel names (electron/fiddle's IpcEvents enum), derived from the contract's one method list: one
// channel per method, so a method added to the contract has its channel without a second list to keep. zod-free,
// so the bundled preload stays tiny.
import { mapMethods, type Method } from '../../core/contract.js';

export const channelOf = (method: Method): string => `reset-kiosk:${method}`;
export const CHANNELS: Record<Method, string> = mapMethods(channelOf);

/** The name under which the preload exposes the API: `window.resetKiosk` (see src-renderer/api.ts). */
export const API_KEY = 'resetKiosk';
