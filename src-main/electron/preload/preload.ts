// The sandboxed preload (checklist #4): bundled with its imports into one CommonJS file,
// dist/main/electron/preload.cjs (vite.preload.config.ts), because sandboxed preloads cannot load ESM or
// arbitrary modules. Everything it does is in preload-api.ts, which the tests load with fakes.
import { contextBridge, ipcRenderer } from 'electron';
import { exposeResetApi } from './preload-api.js';

exposeResetApi(contextBridge, ipcRenderer);
