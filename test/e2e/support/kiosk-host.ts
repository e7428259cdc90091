// The wizard as the Electron kiosk runs it, in Chromium: a stand-in for the preload's frozen window.resetKiosk
// (src-main/electron/preload/preload-api.ts), installed before the page's scripts. It forwards each call to the same web
// host over HTTP and records it, so a test sees what main's IPC handler would get. Leaving is not a call: the wizard
// signals it in-page, and support/kiosk-main.ts stands in for main's side.
import type { Page } from '@playwright/test';
import { METHODS } from '../../../src-main/core/contract.js';

export type KioskCall = [method: string, request: unknown];

export async function asKiosk(page: Page): Promise<void> {
  await page.addInitScript((methods: readonly string[]) => {
    const calls: [string, unknown][] = [];
    const call = (method: string) => async (req: unknown) => {
      calls.push([method, req]);
      const res = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(req),
      });
      return res.json();
    };
    Object.defineProperty(globalThis, 'resetKiosk', {
      value: Object.freeze(Object.fromEntries(methods.map((m) => [m, call(m)]))),
    });
    Object.defineProperty(globalThis, '__kioskCalls', { value: calls });
  }, METHODS);
}

export const kioskCalls = (page: Page): Promise<KioskCall[]> =>
  page.evaluate(() => (globalThis as unknown as { __kioskCalls: KioskCall[] }).__kioskCalls);
