// What the preload exposes, as a factory with injected contextBridge/ipcRenderer so tests run it under Node.
// Security checklist #3 (context isolation) and #20 (do not expose Electron APIs to untrusted content):
// one frozen object with one function per contract method; never ipcRenderer, never a generic invoke.
import type { ContextBridge, IpcRenderer } from 'electron';
import { forwardEach, type ResetApi } from '../../core/contract.js';
import { API_KEY, channelOf } from './channels.js';

export type Invoke = (channel: string, arg: unknown) => Promise<unknown>;

/** One function per method; each forwards exactly its one argument to its own channel. */
export function buildResetApi(invoke: Invoke): ResetApi {
  return Object.freeze(forwardEach((method) => (req) => invoke(channelOf(method), req)));
}

export function exposeResetApi(
  bridge: Pick<ContextBridge, 'exposeInMainWorld'>,
  ipc: Pick<IpcRenderer, 'invoke'>,
): ResetApi {
  // The arrow keeps ipcRenderer itself out of reach: only (channel, arg) pairs we choose ever reach it.
  const api = buildResetApi((channel, arg) => ipc.invoke(channel, arg));
  bridge.exposeInMainWorld(API_KEY, api);
  return api;
}
