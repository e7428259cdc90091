// The preload's exposed API against the contract: one frozen object, exactly the contract's methods, each
// forwarding its one argument to its own channel — never ipcRenderer, never a generic invoke. Checked on the
// factory with fakes and on the real bundle (dist/main/electron/preload.cjs as vite builds it) in a vm.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { build } from 'vite';
import { describe, expect, it, vi } from 'vitest';
import { mapMethods, METHODS, type ResetApi } from '../../../../src-main/core/contract.js';
import { setupIpc } from '../../../../src-main/electron/ipc/ipc.js';
import { API_KEY, CHANNELS } from '../../../../src-main/electron/preload/channels.js';
import { buildResetApi, exposeResetApi } from '../../../../src-main/electron/preload/preload-api.js';

function fakes() {
  const exposed: Record<string, unknown> = {};
  const bridge = { exposeInMainWorld: vi.fn((key: string, api: unknown) => void (exposed[key] = api)) };
  const ipc = { invoke: vi.fn((channel: string, arg: unknown) => Promise.resolve({ ok: true, channel, arg })) };
  return { exposed, bridge, ipc };
}

describe('preload API', () => {
  it('calls exactly the channels main handles, one of its own per method', async () => {
    // Main's side: the channels setupIpc registers (ipc.ts). The preload's side: what each function invokes.
    const handled: string[] = [];
    setupIpc(
      { handle: (channel: string) => void handled.push(channel) },
      mapMethods(() => () => Promise.resolve({ ok: true })),
      () => undefined,
    );
    const invoked = new Map<string, string>();
    const api = buildResetApi((channel) => Promise.resolve({ ok: true, channel }));
    for (const m of METHODS)
      invoked.set(m, ((await (api[m] as (r: unknown) => Promise<unknown>)({})) as { channel: string }).channel);
    expect([...invoked.values()].sort()).toEqual(handled.sort());
    expect(new Set(invoked.values()).size).toBe(METHODS.length); // no two methods share a channel (a shared one would route a setPassword to another handler)
  });

  it('exposes window.resetKiosk once: frozen, exactly the contract methods, all functions', () => {
    const { exposed, bridge, ipc } = fakes();
    exposeResetApi(bridge, ipc);
    expect(bridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(API_KEY).toBe('resetKiosk');
    const api = exposed.resetKiosk as Record<string, unknown>;
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.keys(api).sort()).toEqual([...METHODS].sort());
    for (const m of METHODS) expect(typeof api[m], m).toBe('function');
    expect(Object.values(api)).not.toContain(ipc);
    expect(Object.values(api)).not.toContain(ipc.invoke);
  });

  it("forwards exactly one argument to the method's own channel and returns main's answer", async () => {
    const { ipc } = fakes();
    const api = buildResetApi((c, a) => ipc.invoke(c, a));
    const req = { sessionId: 'a'.repeat(32), code: '123456' };
    const res = await (api.verifyCode as (...a: unknown[]) => Promise<unknown>)(req, 'extra', () => 'sneaky');
    expect(ipc.invoke).toHaveBeenCalledWith(CHANNELS.verifyCode, req);
    expect(ipc.invoke.mock.calls[0]).toHaveLength(2);
    expect(res).toEqual({ ok: true, channel: CHANNELS.verifyCode, arg: req });
    for (const m of METHODS) {
      ipc.invoke.mockClear();
      await (api[m] as (r: unknown) => Promise<unknown>)({});
      expect(ipc.invoke).toHaveBeenCalledWith(CHANNELS[m], {});
    }
  });

  it('is assignable to the contract type', () => {
    const api: ResetApi = buildResetApi(() => Promise.resolve({ ok: true }));
    expect(api).toBeDefined();
  });

  it('bundles to one self-contained CommonJS file that only requires electron, and works in a sandbox-like vm', async () => {
    const out = mkdtempSync(join(tmpdir(), 'rk-preload-'));
    try {
      await build({ configFile: 'vite.preload.config.ts', logLevel: 'silent', build: { outDir: out } });
      const code = readFileSync(join(out, 'preload.cjs'), 'utf8');
      const required = [...code.matchAll(/require\((['"])([^'"]+)\1\)/g)].map((m) => m[2]);
      expect(required).toEqual(['electron']);
      expect(code).not.toMatch(/\bimport\s|zod/);
      const { exposed, bridge, ipc } = fakes();
      const requireFake = (name: string) => {
        if (name !== 'electron') throw new Error(`sandboxed preload cannot require ${name}`);
        return { contextBridge: bridge, ipcRenderer: ipc };
      };
      runInNewContext(code, { require: requireFake, module: { exports: {} }, exports: {} });
      const api = exposed.resetKiosk as Record<string, (r: unknown) => Promise<unknown>>;
      expect(Object.isFrozen(api)).toBe(true);
      expect(Object.keys(api).sort()).toEqual([...METHODS].sort());
      await api.start!({ username: 'a.janssen' });
      expect(ipc.invoke).toHaveBeenCalledWith(CHANNELS.start, { username: 'a.janssen' });
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 30_000);
});
