// Main's IPC handlers: the same zod schemas as the web host, the sender check, and the real core behind them
// (demo directory + SMS outbox): a whole reset through preload API → handlers → core, as the kiosk runs it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { METHODS, type ResetApi, type ResetService } from '../../../../src-main/core/contract.js';
import { silentLogger } from '../../../../src-main/core/ports/log.js';
import { CHANNELS } from '../../../../src-main/electron/preload/channels.js';
import { createIpcHandlers, setupIpc, type IpcHandler } from '../../../../src-main/electron/ipc/ipc.js';
import { buildResetApi } from '../../../../src-main/electron/preload/preload-api.js';
import { APP_ORIGIN } from '../../../../src-main/electron/window/protocol.js';
import type { SenderInfo } from '../../../../src-main/electron/ipc/sender.js';
import { trackActiveSession } from '../../../../src-main/electron/session/active-session.js';
import { demoApp, type DemoApp } from '../../../helpers/demo-app.js';
import { walkTo } from '../../../helpers/walk.js';

const TRUSTED: SenderInfo = { url: 'app://kiosk/index.html', isMainFrame: true, isKioskWindow: true };
const client = { clientId: 'kiosk:test-pc' };

function fakeService(): ResetService & Record<string, ReturnType<typeof vi.fn>> {
  return Object.fromEntries(METHODS.map((m) => [m, vi.fn(() => Promise.resolve({ ok: true, method: m }))])) as never;
}

/** The renderer's view: the preload API wired straight to the handlers, as ipcRenderer.invoke would be. */
function rendererApi(handlers: Record<string, IpcHandler>, sender = TRUSTED): ResetApi {
  const byChannel = Object.fromEntries(Object.entries(CHANNELS).map(([m, c]) => [c, handlers[m]!]));
  // Structured clone, like Electron's IPC: no functions or prototypes cross.
  return buildResetApi(async (channel, arg) =>
    structuredClone(await byChannel[channel]!(sender, structuredClone(arg))),
  );
}

let demo: DemoApp | undefined;
afterEach(async () => {
  await demo?.close();
  demo = undefined;
});

describe('IPC handlers', () => {
  it('validate every argument with the contract schemas before the core sees it', async () => {
    const service = fakeService();
    const h = createIpcHandlers(service, { client, appOrigin: APP_ORIGIN, log: silentLogger });
    const bad: [keyof typeof h, unknown][] = [
      ['start', { username: 'x'.repeat(300) }],
      ['start', { username: 'a', admin: true }],
      ['start', 'a.janssen'],
      ['verifyIdentity', { sessionId: 'not-hex', birthdate: '01-10-1984' }],
      ['verifyCode', { sessionId: 'a'.repeat(32), code: 123456 }],
      ['setPassword', { sessionId: 'a'.repeat(32), password: 'x' }],
      ['cancel', { sessionId: 42 }],
      ['info', { x: 1 }],
    ];
    for (const [m, arg] of bad)
      expect(await h[m](TRUSTED, arg), `${m} ${JSON.stringify(arg)}`).toEqual({ ok: false, code: 'invalid_request' });
    for (const m of METHODS) expect(service[m]).not.toHaveBeenCalled();
  });

  it("pass the parsed request and a main-supplied client context (never the renderer's)", async () => {
    const service = fakeService();
    const onCall = vi.fn();
    const h = createIpcHandlers(service, { client, appOrigin: APP_ORIGIN, log: silentLogger, onCall });
    expect(await h.start(TRUSTED, { username: 'A.Janssen' })).toEqual({ ok: true, method: 'start' });
    expect(service.start).toHaveBeenCalledWith({ username: 'A.Janssen' }, client);
    expect(await h.info(TRUSTED, undefined)).toEqual({ ok: true, method: 'info' });
    expect(onCall).toHaveBeenCalledWith('start', { username: 'A.Janssen' }, { ok: true, method: 'start' });
  });

  it("refuse callers that are not our page's top frame, and log it without the argument", async () => {
    const service = fakeService();
    const warn = vi.fn();
    const h = createIpcHandlers(service, { client, appOrigin: APP_ORIGIN, log: { ...silentLogger, warn } });
    const res = await h.setPassword(
      { ...TRUSTED, url: 'https://evil.example/' },
      { sessionId: 'a'.repeat(32), password: 'Geheim!2025', repeat: 'Geheim!2025' },
    );
    expect(res).toEqual({ ok: false, code: 'invalid_request' });
    expect(service.setPassword).not.toHaveBeenCalled();
    expect(JSON.stringify(warn.mock.calls)).not.toContain('Geheim');
    expect(await h.info({ ...TRUSTED, isMainFrame: false }, {})).toEqual({ ok: false, code: 'invalid_request' });
  });

  it('registers exactly one ipcMain.handle per channel', () => {
    const handle = vi.fn<(channel: string, listener: unknown) => void>();
    setupIpc(
      { handle },
      createIpcHandlers(fakeService(), { client, appOrigin: APP_ORIGIN, log: silentLogger }),
      () => undefined,
    );
    expect(handle.mock.calls.map((c) => c[0]).sort()).toEqual(Object.values(CHANNELS).sort());
  });

  it('runs a whole reset on the demo directory through preload API → handlers → core; the session is then done', async () => {
    demo = await demoApp();
    const active = trackActiveSession();
    const api = rendererApi(
      createIpcHandlers(demo.app.service, { client, appOrigin: APP_ORIGIN, log: silentLogger, onCall: active.onCall }),
    );
    const info = await api.info({});
    expect(info.ok).toBe(true);
    const { sessionId } = await walkTo(api, demo.lastCode, 'password'); // each answer checked on the way
    const done = await api.setPassword({ sessionId, password: 'Lente#Bloem42', repeat: 'Lente#Bloem42' });
    expect(done).toMatchObject({ ok: true, step: 'done' });
    expect(active.take()).toBeUndefined(); // the core wiped it: nothing to cancel on the logoff
  });

  it('an unlock-only session is done once the lockout is lifted, not before', () => {
    const active = trackActiveSession();
    const id = 'c'.repeat(32);
    active.onCall('start', { username: 'M.Bakker', purpose: 'unlock' }, { ok: true, sessionId: id, step: 'identity' });
    active.onCall('unlock', { sessionId: id }, { ok: false, code: 'unavailable' });
    expect(active.take()).toBe(id);
    active.onCall('start', { username: 'M.Bakker', purpose: 'unlock' }, { ok: true, sessionId: id, step: 'identity' });
    active.onCall('unlock', { sessionId: id }, { ok: true, step: 'unlocked' });
    expect(active.take()).toBeUndefined();
  });

  it('a cancel of the active session forgets it; a cancel of another session or a failed one does not', async () => {
    demo = await demoApp();
    const active = trackActiveSession();
    const api = rendererApi(
      createIpcHandlers(demo.app.service, { client, appOrigin: APP_ORIGIN, log: silentLogger, onCall: active.onCall }),
    );
    const started = await api.start({ username: 'A.Janssen' });
    if (!started.ok) throw new Error(started.code);
    await api.cancel({ sessionId: 'd'.repeat(32) });
    expect(await api.cancel({ sessionId: 'nope' })).toEqual({ ok: false, code: 'invalid_request' }); // never reaches onCall
    expect(active.take()).toBe(started.sessionId);
    const again = await api.start({ username: 'A.Janssen' });
    if (!again.ok) throw new Error(again.code);
    await api.cancel({ sessionId: again.sessionId });
    expect(active.take()).toBeUndefined();
  });

  it('tracks the active session so a wipe can cancel it in the core', async () => {
    demo = await demoApp();
    const tracker = trackActiveSession();
    const api = rendererApi(
      createIpcHandlers(demo.app.service, { client, appOrigin: APP_ORIGIN, log: silentLogger, onCall: tracker.onCall }),
    );
    const { sessionId } = await walkTo(api, demo.lastCode, 'identity');
    const active = tracker.take();
    expect(active).toBe(sessionId);
    expect(tracker.take()).toBeUndefined();
    expect(await demo.app.service.cancel({ sessionId: active! }, client)).toEqual({ ok: true });
    expect(await api.verifyIdentity({ sessionId, birthdate: '01-10-1984' })).toMatchObject({
      ok: false,
      code: 'session_expired',
    });
  });
});
