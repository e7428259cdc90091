// AdPool's rules on fake connections (the real ones: test/integration/ad/pool.test.ts): reuse, the size bound
// and waiting, size 0, what is retried after a connection died and what is not, dropping errored and DC-closed
// connections, the idle timeout, close().
import { ConstraintViolationError } from 'ldapts';
import type { Client } from 'ldapts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AdConnection } from '../../../../src-main/directory/ad/connection.js';
import { ConnectionLostError } from '../../../../src-main/directory/ad/errors.js';
import { AdPool, type AdPoolSettings } from '../../../../src-main/directory/ad/pool.js';
import { captureLog } from '../../../helpers/log-capture.js';

type Fake = AdConnection & { id: number; unbinds: number; held: boolean[]; client: Client & { isBound: boolean } };

function setup(settings: Partial<AdPoolSettings> = {}) {
  const made: Fake[] = [];
  const connector = {
    open: vi.fn((): Promise<AdConnection> => {
      const held: boolean[] = [];
      const fake = {
        id: made.length + 1,
        url: 'ldaps://dc1',
        unbinds: 0,
        held,
        hold: (active: boolean) => void held.push(active),
        alive: () => fake.client.isBound,
      } as unknown as Fake;
      fake.client = {
        isBound: true,
        unbind: () => {
          fake.unbinds++;
          fake.client.isBound = false;
          return Promise.resolve();
        },
      } as unknown as Fake['client'];
      made.push(fake);
      return Promise.resolve(fake);
    }),
  };
  const log = captureLog();
  const pool = new AdPool(connector, { size: 2, idleMs: 60_000, waitMs: 10_000, ...settings }, log);
  /** Runs an operation that records which connection it got. */
  const on = (
    retry: 'whenLost' | 'whenUnsent' = 'whenLost',
    work: (c: Fake) => Promise<unknown> = () => Promise.resolve(undefined),
  ) =>
    pool.run(async (client) => {
      const c = made.find((m) => m.client === client)!;
      await work(c);
      return c.id;
    }, retry);
  return { pool, made, connector, log, on };
}

const closed = () =>
  new Error('Connection closed before message response was received. Message type: ModifyRequest (0x66)');
const tick = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => vi.useRealTimers());

describe('AdPool', () => {
  it('reuses an idle connection: one open, one bind, for several operations in a row', async () => {
    const { pool, made, on } = setup();
    expect([await on(), await on(), await on()]).toEqual([1, 1, 1]);
    expect(made).toHaveLength(1);
    expect(pool.stats).toMatchObject({ opened: 1, reused: 2 });
    expect(made[0]!.held).toEqual([false, true, false, true, false]); // idle: does not keep the process alive
  });

  it('more callers than size wait their turn and get a connection handed over; nothing extra is opened', async () => {
    const { made, on, pool } = setup({ size: 2 });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const running = [1, 2, 3, 4].map(() => on('whenLost', () => gate));
    await tick();
    expect(made).toHaveLength(2); // two at work, two waiting
    release();
    expect((await Promise.all(running)).sort()).toEqual([1, 1, 2, 2]);
    expect(pool.stats).toMatchObject({ opened: 2, waited: 2, reused: 2 });
    expect(made.map((c) => c.unbinds)).toEqual([0, 0]);
  });

  it('a caller that waited waitMs opens a connection of its own, which is not kept beyond size', async () => {
    const { made, on } = setup({ size: 1, waitMs: 30 });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow = on('whenLost', () => gate);
    const t0 = performance.now();
    expect(await on()).toBe(2);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(25);
    release();
    await slow;
    await tick();
    expect(made.map((c) => c.unbinds)).toEqual([1, 0]); // 2 came back first and stays; 1 found the pool full
  });

  it('when an operation fails, the next waiter opens its own connection instead of waiting on', async () => {
    const { made, on } = setup({ size: 1 });
    let fail!: (e: Error) => void;
    const failing = on('whenLost', () => new Promise((_, reject) => (fail = reject)));
    const waiting = on();
    await tick();
    fail(new ConstraintViolationError('0000052D'));
    await expect(failing).rejects.toThrow(ConstraintViolationError);
    expect(await waiting).toBe(2);
    expect(made).toHaveLength(2);
  });

  it('size 0: one connection per operation, unbound after each, as without a pool', async () => {
    const { made, on, pool } = setup({ size: 0 });
    await on();
    await Promise.all([on(), on()]); // and nobody waits
    await tick();
    expect(made.map((c) => c.unbinds)).toEqual([1, 1, 1]);
    expect(pool.stats).toMatchObject({ opened: 3, reused: 0, waited: 0 });
  });

  it('drops a connection whose operation failed, even on an LDAP answer, and does not retry an answer', async () => {
    const { made, on, pool } = setup();
    await on();
    await expect(on('whenLost', async () => Promise.reject(new ConstraintViolationError('0000052D')))).rejects.toThrow(
      ConstraintViolationError,
    );
    expect(made[0]!.unbinds).toBe(1);
    expect(pool.stats).toMatchObject({ retried: 0, dropped: 1 });
    expect(await on()).toBe(2);
  });

  it('a read on a reused connection that died runs once more on a new one; the other idle ones are closed too', async () => {
    const { made, on, pool, log } = setup();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const both = [on('whenLost', () => gate), on('whenLost', () => gate)];
    release();
    await Promise.all(both); // two idle: 1 and 2
    const seen: number[] = [];
    const result = await on('whenLost', (c) => {
      seen.push(c.id);
      return c.id === 2 ? Promise.reject(closed()) : Promise.resolve();
    });
    expect(seen).toEqual([2, 3]);
    expect(result).toBe(3);
    expect(made.map((c) => c.unbinds)).toEqual([1, 1, 0]);
    expect(pool.stats).toMatchObject({ retried: 1, opened: 3 });
    expect(log.text()).toMatch(/pooled connection was lost; retrying once/);
  });

  it('retries once only, and never after a failure on a new connection', async () => {
    const { made, on } = setup();
    await expect(on('whenLost', async () => Promise.reject(closed()))).rejects.toThrow(/Connection closed/);
    expect(made).toHaveLength(1); // new connection: the DC itself is failing
    await on();
    await expect(on('whenLost', async () => Promise.reject(closed()))).rejects.toThrow(/Connection closed/);
    expect(made).toHaveLength(3); // reused (2) failed, one retry (3) failed too: no third attempt
  });

  it('a write that may have reached the DC is not sent again; one refused before the write is', async () => {
    const { on, pool } = setup();
    await on();
    const sends: number[] = [];
    await expect(on('whenUnsent', async (c) => (sends.push(c.id), Promise.reject(closed())))).rejects.toThrow(
      /Connection closed/,
    );
    expect(sends).toEqual([1]); // the reused connection; the request may have landed
    expect(pool.stats.retried).toBe(0);

    await on(); // connection 2, now idle
    const result = await on('whenUnsent', (c) => {
      sends.push(c.id);
      // Connection 2 is found closed before anything was written.
      return c.id === 2 ? Promise.reject(new ConnectionLostError('ldaps://dc1')) : Promise.resolve();
    });
    expect(result).toBe(3);
    expect(sends).toEqual([1, 2, 3]);
    expect(pool.stats.retried).toBe(1);
  });

  it('an idle connection the DC closed is dropped before use, without a retry', async () => {
    const { made, on, pool } = setup();
    await on();
    made[0]!.client.isBound = false; // e.g. the DC restarted
    expect(await on()).toBe(2);
    expect(pool.stats).toMatchObject({ dropped: 1, retried: 0 });
  });

  it('closes an idle connection after idleMs, with a timer that does not keep the process alive', async () => {
    vi.useFakeTimers();
    const { made, on, pool } = setup({ idleMs: 1000 });
    await on();
    const timer = vi.getTimerCount();
    expect(timer).toBe(1);
    vi.advanceTimersByTime(999);
    expect(made[0]!.unbinds).toBe(0);
    vi.advanceTimersByTime(1);
    expect(made[0]!.unbinds).toBe(1);
    expect(pool.stats.idleClosed).toBe(1);
    expect(await on()).toBe(2);
    vi.useRealTimers();
    const spy = vi.spyOn(globalThis, 'setTimeout');
    await on();
    expect((spy.mock.results.at(-1)!.value as NodeJS.Timeout).hasRef()).toBe(false);
    spy.mockRestore();
  });

  it('close() unbinds the idle connections, one in use when it comes back, and lets waiters go', async () => {
    const { made, on, pool } = setup({ size: 1 });
    await on();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const busy = on('whenLost', () => gate); // takes 1
    const waiting = on('whenLost', () => gate); // waits for 1
    await tick();
    await pool.close();
    await tick();
    expect(made).toHaveLength(2); // the waiter opened its own
    release();
    await Promise.all([busy, waiting]);
    await tick();
    expect(made.map((c) => c.unbinds)).toEqual([1, 1]);
    expect(await on()).toBe(3); // still works after close, one connection per operation
    await tick();
    expect(made[2]!.unbinds).toBe(1);
  });
});
