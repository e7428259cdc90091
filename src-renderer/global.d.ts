// The Electron preload exposes the reset API on window (contextBridge); absent in a plain browser.
import type { ResetApi } from '../src-main/core/contract.js';

declare global {
  interface Window {
    readonly resetKiosk?: ResetApi;
  }
}

export {};
