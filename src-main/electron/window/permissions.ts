// Checklist #5: handle permission requests. Deny by default, with a reason per entry (Signal-Desktop's table).
// The wizard needs no permission at all; the table exists so a reviewer sees every one was considered and a
// new Electron permission (not in the table) is denied too. `Record<Permission, …>` fails to compile when an
// Electron upgrade adds one, so the table cannot silently fall behind.
import type { Session } from 'electron';

type RequestHandler = NonNullable<Parameters<Session['setPermissionRequestHandler']>[0]>;
export type Permission = Parameters<RequestHandler>[1];

/** `allow` is a boolean, not the literal false: the table could say yes, and permissions.test.ts is what says it does not. */
type Entry = { allow: boolean; reason: string };
const no = (reason: string): Entry => ({ allow: false, reason });

const DEVICE = 'hardware access from a public kiosk is an escape and privacy risk';
const NEVER = 'the wizard never needs it';

export const PERMISSIONS: Record<Permission, Entry> = {
  ar: no(DEVICE),
  'automatic-fullscreen': no('the window is already a fullscreen kiosk'),
  'background-fetch': no(NEVER),
  'background-sync': no(NEVER),
  'captured-surface-control': no(DEVICE),
  'clipboard-read': no("another user's copied password could be read"),
  'clipboard-sanitized-write': no('nothing is copied out of the wizard; codes and passwords stay put'),
  'deprecated-sync-clipboard-read': no("another user's copied password could be read"),
  'display-capture': no("screen capture would record other users' input"),
  fileSystem: no('file access is an escape route out of the kiosk'),
  fullscreen: no('the window is already a fullscreen kiosk; an element must not leave it'),
  geolocation: no(DEVICE),
  'geolocation-approximate': no(DEVICE),
  'hand-tracking': no(DEVICE),
  hid: no(DEVICE),
  'idle-detection': no('main watches idle time itself'),
  keyboardLock: no('the keyboard filter, not the page, decides which keys work'),
  'local-fonts': no(NEVER),
  'local-network': no('the wizard talks only to its own origin'),
  'local-network-access': no('the wizard talks only to its own origin'),
  'loopback-network': no('the wizard talks only to its own origin'),
  media: no('no camera or microphone on a reset kiosk'),
  mediaKeySystem: no(NEVER),
  midi: no(DEVICE),
  midiSysex: no(DEVICE),
  nfc: no(DEVICE),
  notifications: no(NEVER),
  openExternal: no('opening another application is an escape route (checklist #15)'),
  'payment-handler': no(NEVER),
  'periodic-background-sync': no(NEVER),
  'persistent-storage': no('nothing may outlive the session'),
  pointerLock: no(NEVER),
  'screen-wake-lock': no(NEVER),
  sensors: no(DEVICE),
  serial: no(DEVICE),
  'smart-card': no(DEVICE),
  'speaker-selection': no(DEVICE),
  'storage-access': no('no third-party storage'),
  'system-wake-lock': no(NEVER),
  'top-level-storage-access': no('no third-party storage'),
  usb: no(DEVICE),
  vr: no(DEVICE),
  'web-app-installation': no(NEVER),
  'web-printing': no('printing opens dialogs that lead to the file system'),
  'window-management': no('the kiosk has exactly one window'),
  unknown: no('unknown to this Electron version: denied by default'),
};

/** Every request and every check; anything not in the table (or misspelt) is denied as well. */
export function isPermissionAllowed(permission: string): boolean {
  if (!Object.hasOwn(PERMISSIONS, permission)) return false;
  return (PERMISSIONS as Record<string, Entry>)[permission]!.allow;
}
