// createStore's memory branch (the default): sessions and throttles in this process, nothing to probe, and a
// close that ends the store. The Redis branch runs against a real Redis: test/integration/store.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src-main/config/load.js';
import { newSessionId } from '../../../src-main/core/session.js';
import { Throttles } from '../../../src-main/core/throttle.js';
import { createStore } from '../../../src-main/store/index.js';
import { MemorySessionStore } from '../../../src-main/store/memory-sessions.js';
import { captureLog } from '../../helpers/log-capture.js';

describe('createStore (memory)', () => {
  it('is the default, and says it holds for one host only', async () => {
    const log = captureLog();
    const store = await createStore(parseConfig({}).store, log, {});
    expect(store.sessions).toBeInstanceOf(MemorySessionStore);
    expect(store.probes).toEqual([]); // nothing that can be down: /readyz checks only the directory
    expect(store.describe).toBe('sessions and limits: in memory (one host)');
    expect(log.records()).toEqual([]);
    await store.close();
  });

  it('counts throttles in memory, per limit and key', async () => {
    const store = await createStore({ type: 'memory' }, captureLog(), {});
    const limits = parseConfig({}).security.limits;
    const throttles = new Throttles(limits, store.limiters);
    expect(await throttles.take('codeChecks', 'sess:a')).toEqual({ ok: true, remaining: 2 });
    expect(await throttles.take('codeChecks', 'sess:b')).toEqual({ ok: true, remaining: 2 });
    expect(await throttles.take('codeChecks', 'sess:a')).toEqual({ ok: true, remaining: 1 });
    await store.close();
  });

  it('close() empties the sessions', async () => {
    const store = await createStore({ type: 'memory' }, captureLog(), {});
    const id = newSessionId();
    await store.sessions.save({ id, step: 'identity', username: 'x', lang: 'nl', expiresAt: Date.now() + 60_000 });
    await store.close();
    expect(await store.sessions.get(id)).toBeUndefined();
  });
});
