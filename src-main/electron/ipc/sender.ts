// Checklist #17: validate the sender of every IPC message. Only the top frame of our own page may call main;
// an iframe, a page the window was navigated to, or another webContents gets nothing.
import { sameOrigin } from '../window/navigation.js';

export type SenderInfo = {
  /** URL of the frame that sent the message; undefined when the frame is gone (navigated or destroyed). */
  url: string | undefined;
  /** True when the sending frame is the window's top frame (no parent). */
  isMainFrame: boolean;
  /** True when the message comes from the kiosk window's own webContents. */
  isKioskWindow: boolean;
};

export function isTrustedSender(sender: SenderInfo, appOrigin: string): boolean {
  if (!sender.isKioskWindow || !sender.isMainFrame || !sender.url) return false;
  return sameOrigin(sender.url, appOrigin);
}
