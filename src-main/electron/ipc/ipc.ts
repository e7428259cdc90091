// Main's side of the preload API (checklist #17): one ipcMain.handle per contract method, channel names from
// channels.ts. Every call: is the sender our own page's top frame? does the argument pass the SAME zod schema
// the web host uses? Then the core service runs with a client context main supplies, never the renderer.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { fail, mapMethods, METHODS, type ClientContext, type Method, type ResetService } from '../../core/contract.js';
import { dispatcher } from '../../core/dispatch.js';
import type { Logger } from '../../core/ports/log.js';
import { channelOf } from '../preload/channels.js';
import { originOf } from '../window/navigation.js';
import { isTrustedSender, type SenderInfo } from './sender.js';

export type IpcHandler = (sender: SenderInfo, arg: unknown) => Promise<unknown>;

export type IpcOptions = {
  client: ClientContext;
  appOrigin: string;
  log: Logger;
  /** After a validated call: local mode tracks the active session, to cancel it on a wipe (active-session.ts). */
  onCall?: (method: Method, req: unknown, res: unknown) => void;
};

export function createIpcHandlers(service: ResetService, opts: IpcOptions): Record<Method, IpcHandler> {
  const dispatch = dispatcher(service);
  return mapMethods((method): IpcHandler => async (sender, arg) => {
    if (!isTrustedSender(sender, opts.appOrigin)) {
      opts.log.warn(
        { method, origin: sender.url ? (originOf(sender.url) ?? 'opaque') : 'gone' },
        'ipc call from an untrusted frame refused',
      );
      return fail('invalid_request');
    }
    const done = await dispatch(method, arg, opts.client);
    if (!done.ok) return fail('invalid_request');
    opts.onCall?.(method, done.request, done.response);
    return done.response;
  });
}

/** What the sender check needs from an invoke event; the frame is null once it navigated or was destroyed. */
export function senderInfo(
  event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>,
  kiosk: WebContents | undefined,
): SenderInfo {
  const frame = event.senderFrame;
  return {
    url: frame?.url,
    isMainFrame: !!frame && frame.parent === null,
    isKioskWindow: !!kiosk && event.sender === kiosk,
  };
}

/** Registers the handlers once (setupX pattern); `kiosk` returns the window's webContents at call time. */
export function setupIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  handlers: Record<Method, IpcHandler>,
  kiosk: () => WebContents | undefined,
): void {
  for (const method of METHODS)
    ipcMain.handle(channelOf(method), (event, arg: unknown) => handlers[method](senderInfo(event, kiosk()), arg));
}
