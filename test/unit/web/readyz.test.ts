// /readyz for the load balancer: 200 while every probe answers, 503 (naming the probe, never the reason) when one
// does not, the reason in the admin log; answers cached for 2 s; a probe that hangs counts as failed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Probe } from '../../../src-main/core/ports/probe.js';
import { DirectoryUnavailableError } from '../../../src-main/core/ports/directory.js';
import { readinessChecker } from '../../../src-main/web/readyz.js';
import { captureLog } from '../../helpers/log-capture.js';
import { webHost, type WebHost } from '../../helpers/web-host.js';

let host: WebHost | undefined;
afterEach(async () => host?.stop());

describe('/readyz', () => {
  it('is 200 while the directory answers and 503 (without detail) when it does not', async () => {
    const log = captureLog();
    host = await webHost({ log });
    expect((await host.get('/readyz')).json).toEqual({ ok: true, checks: { directory: 'ok' } });

    host.directory.findUser = () => Promise.reject(new DirectoryUnavailableError('connect ECONNREFUSED 10.1.2.3:636'));
    await host.reopen(); // a new host: no cached answer
    const res = await host.get('/readyz');
    expect(res.status).toBe(503);
    expect(res.json).toEqual({ ok: false, checks: { directory: 'failed' } });
    expect(res.body).not.toContain('ECONNREFUSED');
    expect(log.text()).toContain('ECONNREFUSED'); // the reason is in the admin log
  });
});

describe('readinessChecker', () => {
  const probe = (name: string, check: Probe['check']): Probe => ({ name, check });

  it('names every probe, and is ready only when all answer', async () => {
    const ready = readinessChecker(
      [probe('directory', async () => {}), probe('redis', async () => Promise.reject(new Error('NOAUTH')))],
      captureLog(),
    );
    expect(await ready()).toEqual({ ok: false, checks: { directory: 'ok', redis: 'failed' } });
  });

  it('caches an answer for 2 s, then asks the probes again', async () => {
    let clock = 0;
    let calls = 0;
    const ready = readinessChecker(
      [probe('directory', () => Promise.resolve(void calls++))],
      captureLog(),
      () => clock,
    );
    await ready();
    clock = 2000;
    await ready();
    expect(calls).toBe(1);
    clock = 2001;
    await ready();
    expect(calls).toBe(2);
  });

  it('counts a probe that does not answer within 2 s as failed, and logs why', async () => {
    vi.useFakeTimers();
    try {
      const log = captureLog();
      const answer = readinessChecker([probe('directory', () => new Promise(() => {}))], log)();
      await vi.advanceTimersByTimeAsync(2000);
      expect(await answer).toEqual({ ok: false, checks: { directory: 'failed' } });
      expect(log.records()).toEqual([
        expect.objectContaining({
          level: 'warn',
          probe: 'directory',
          err: 'no answer within 2000 ms',
          msg: 'readiness probe failed',
        }),
      ]);
    } finally {
      vi.useRealTimers();
    }
  });
});
