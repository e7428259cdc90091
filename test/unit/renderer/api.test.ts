// The renderer's one door to the service (src-renderer/api.ts): over HTTP with a fake fetch, over the kiosk's
// preload with a fake window.resetKiosk. Whatever goes wrong on the way, the screens get a result code.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { METHODS, type ResetApi } from '../../../src-main/core/contract.js';
import { createApi, fetchApi, hostOf, ipcApi, isAnswer } from '../../../src-renderer/api.js';

const unavailable = { ok: false, code: 'unavailable' };
const SESSION = { sessionId: 'b'.repeat(32) };

function stubFetch(respond: (url: string, init: RequestInit) => Response | Promise<Response>) {
  const seen: { url: string; init: RequestInit }[] = [];
  vi.stubGlobal('document', { baseURI: 'https://reset.zorg.example/wachtwoord/' });
  vi.stubGlobal('fetch', async (url: URL | string, init: RequestInit) => {
    seen.push({ url: String(url), init });
    return await respond(String(url), init);
  });
  return seen;
}
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

afterEach(() => vi.unstubAllGlobals());

describe('fetchApi', () => {
  it('posts each method as JSON to api/<method>, relative to the page (a proxy may serve it under a path)', async () => {
    const seen = stubFetch(() => json(200, { ok: true }));
    const api = fetchApi();
    expect(await api.cancel(SESSION)).toEqual({ ok: true });
    expect(seen[0]!.url).toBe('https://reset.zorg.example/wachtwoord/api/cancel');
    expect(seen[0]!.init).toMatchObject({
      method: 'POST',
      body: JSON.stringify(SESSION),
      credentials: 'same-origin',
      cache: 'no-store',
    });
    expect(seen[0]!.init.signal).toBeInstanceOf(AbortSignal); // bounded: a hung host becomes `unavailable`
    for (const m of METHODS) await api[m]({} as never);
    expect(seen.slice(1).map((s) => s.url.split('/').at(-1))).toEqual([...METHODS]);
  });

  it('passes on a Failure body whatever the status (400, 429, 500 with a correlation id)', async () => {
    stubFetch(() => json(500, { ok: false, code: 'internal', correlationId: 'c0ffee42' }));
    expect(await fetchApi().start({ username: 'x' })).toEqual({
      ok: false,
      code: 'internal',
      correlationId: 'c0ffee42',
    });
  });

  it("turns a proxy's HTML page, a non-answer and a network fault into `unavailable`", async () => {
    for (const respond of [
      () => new Response('<html>502 Bad Gateway</html>', { status: 502 }),
      () => json(200, { code: 'internal' }),
      () => json(200, null),
      () => Promise.reject(new TypeError('Failed to fetch')),
    ]) {
      stubFetch(respond);
      expect(await fetchApi().info({})).toEqual(unavailable);
    }
  });
});

describe('ipcApi (the kiosk preload)', () => {
  const inner = (over: Partial<ResetApi>): ResetApi =>
    ({ ...Object.fromEntries(METHODS.map((m) => [m, () => Promise.resolve({ ok: true })])), ...over }) as ResetApi;

  it('forwards each call to window.resetKiosk unchanged', async () => {
    const cancel = vi.fn(() => Promise.resolve({ ok: true as const }));
    const api = ipcApi(inner({ cancel }));
    expect(await api.cancel({})).toEqual({ ok: true });
    expect(cancel).toHaveBeenCalledWith({});
  });

  it('a rejected IPC call or a malformed answer becomes `unavailable`', async () => {
    const api = ipcApi(
      inner({ info: () => Promise.reject(new Error('ipc gone')), start: () => Promise.resolve('nonsense' as never) }),
    );
    expect(await api.info({})).toEqual(unavailable);
    expect(await api.start({ username: 'x' })).toEqual(unavailable);
  });
});

describe('createApi and hostOf', () => {
  it('use the preload in the kiosk and HTTP elsewhere', async () => {
    const resetKiosk = {
      ...Object.fromEntries(METHODS.map((m) => [m, () => Promise.resolve({ ok: true, via: 'ipc' })])),
    } as unknown as ResetApi;
    expect(hostOf({ resetKiosk })).toBe('kiosk');
    expect(hostOf({})).toBe('web');
    // Central mode: no preload, but the kiosk's session names itself in the user agent (electron/main.ts).
    const chrome =
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36';
    expect(hostOf({ navigator: { userAgent: `${chrome} reset-kiosk/ward-3` } })).toBe('kiosk');
    expect(hostOf({ navigator: { userAgent: chrome } })).toBe('web');
    expect(await createApi({ resetKiosk }).info({})).toEqual({ ok: true, via: 'ipc' });
    stubFetch(() => json(200, { ok: true, via: 'http' }));
    expect(await createApi({}).info({})).toEqual({ ok: true, via: 'http' });
  });

  it('isAnswer: only an object with a boolean ok', () => {
    expect([{ ok: true }, { ok: false, code: 'x' }, { ok: 'yes' }, null, 'ok', []].map(isAnswer)).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });
});
