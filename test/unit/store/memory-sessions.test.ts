// The single-host session store: copies in and out (a caller cannot change a stored session by accident), expiry
// on read and by the minute sweep, and the exclusive claim that stops a double submit from writing twice.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { newSessionId, type Session } from '../../../src-main/core/session.js';
import { MemorySessionStore } from '../../../src-main/store/memory-sessions.js';

let clock = 1_000_000;
const now = () => clock;
const session = (over: Partial<Session> = {}): Session => ({
  id: newSessionId(),
  step: 'identity',
  username: 'a.janssen',
  lang: 'nl',
  expiresAt: clock + 60_000,
  ...over,
});

let store: MemorySessionStore | undefined;
afterEach(async () => {
  await store?.close();
  vi.useRealTimers();
});

describe('MemorySessionStore', () => {
  it('keeps a copy: what a caller does to its object later is not stored', async () => {
    store = new MemorySessionStore(now);
    const s = session();
    await store.save(s);
    s.step = 'password';
    const read = (await store.get(s.id))!;
    expect(read.step).toBe('identity');
    read.step = 'code';
    expect((await store.get(s.id))!.step).toBe('identity');
  });

  it('forgets a session at its expiry, on the first read after it', async () => {
    store = new MemorySessionStore(now);
    const s = session({ expiresAt: clock + 1000 });
    await store.save(s);
    clock += 999;
    expect(await store.get(s.id)).toEqual(s);
    clock += 1;
    expect(await store.get(s.id)).toBeUndefined();
    expect(store.size).toBe(0);
  });

  it('sweeps expired sessions every minute, also those nobody reads again', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    store = new MemorySessionStore(now);
    await store.save(session({ expiresAt: clock + 30_000 }));
    await store.save(session({ expiresAt: clock + 90_000 }));
    clock += 60_000;
    vi.advanceTimersByTime(60_000);
    expect(store.size).toBe(1);
    clock += 60_000;
    vi.advanceTimersByTime(60_000);
    expect(store.size).toBe(0);
  });

  it('grants a claim to one caller until released or its time is up', async () => {
    store = new MemorySessionStore(now);
    const id = newSessionId();
    expect(await store.claim(id, 5000)).toBe(true);
    expect(await store.claim(id, 5000)).toBe(false);
    await store.release(id);
    expect(await store.claim(id, 5000)).toBe(true);
    clock += 4999;
    expect(await store.claim(id, 5000)).toBe(false);
    clock += 1;
    expect(await store.claim(id, 5000)).toBe(true); // a crashed writer does not block the session for ever
  });

  it('exactly one of many simultaneous claims wins', async () => {
    store = new MemorySessionStore(now);
    const id = newSessionId();
    const won = await Promise.all(Array.from({ length: 20 }, () => store!.claim(id, 5000)));
    expect(won.filter(Boolean)).toHaveLength(1);
  });

  it('delete drops the session and its claim; close drops everything', async () => {
    store = new MemorySessionStore(now);
    const [a, b] = [session(), session()];
    await store.save(a);
    await store.save(b);
    await store.claim(a.id, 5000);
    await store.delete(a.id);
    expect(await store.get(a.id)).toBeUndefined();
    expect(await store.claim(a.id, 5000)).toBe(true);
    await store.close();
    expect(await store.get(b.id)).toBeUndefined();
    expect(store.size).toBe(0);
  });
});
