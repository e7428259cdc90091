// The edge between hosts and the core: a bug or an infrastructure fault becomes `internal` with a correlation id
// the user can read out, the details go to the admin log under the same id, and nothing is thrown across.
import { describe, expect, it } from 'vitest';
import { mapMethods, METHODS, type ResetService } from '../../../src-main/core/contract.js';
import { withFaultBarrier } from '../../../src-main/core/fault-barrier.js';
import { captureLog } from '../../helpers/log-capture.js';

const CLIENT = { clientId: 'kiosk-1' };
const service = (impl: (method: string, req: unknown, client: unknown) => Promise<unknown>) =>
  mapMethods((m) => (req: unknown, client: unknown) => impl(m, req, client)) as unknown as ResetService;

describe('withFaultBarrier', () => {
  it('passes every request, client and answer through untouched', async () => {
    const barrier = withFaultBarrier(
      service((method, req, client) => Promise.resolve({ ok: true, method, req, client })),
      captureLog(),
    );
    for (const method of METHODS) {
      const req = { sessionId: 'a'.repeat(32) } as never;
      expect(await barrier[method](req, CLIENT)).toEqual({ ok: true, method, req, client: CLIENT });
    }
  });

  it('turns a thrown error into `internal` + correlation id, logged in full under that id', async () => {
    const log = captureLog();
    const barrier = withFaultBarrier(
      service(() => Promise.reject(new TypeError("Cannot read properties of undefined (reading 'dn')"))),
      log,
    );
    const answer = await barrier.verifyIdentity({ sessionId: 'a'.repeat(32), birthdate: '01-10-1984' }, CLIENT);
    expect(answer).toEqual({
      ok: false,
      code: 'internal',
      correlationId: expect.stringMatching(/^[0-9a-f]{8}$/) as string,
    });
    expect(JSON.stringify(answer)).not.toContain('dn');
    const [entry] = log.records();
    expect(entry).toMatchObject({
      level: 'error',
      msg: 'unexpected fault',
      method: 'verifyIdentity',
      correlationId: (answer as { correlationId: string }).correlationId,
      err: {
        name: 'TypeError',
        message: "Cannot read properties of undefined (reading 'dn')",
        stack: expect.stringContaining('TypeError') as string,
      },
    });
    expect(log.text()).not.toContain('01-10-1984'); // the request is not logged, only the fault
  });

  it('handles what is thrown that is no Error, and gives each fault its own id', async () => {
    const log = captureLog();
    const barrier = withFaultBarrier(
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the point: a fault that is no Error
      service(() => Promise.reject('socket hang up')),
      log,
    );
    const [a, b] = [await barrier.info({}, CLIENT), await barrier.cancel({ sessionId: 'a'.repeat(32) }, CLIENT)];
    expect([a, b]).toEqual([
      expect.objectContaining({ code: 'internal' }),
      expect.objectContaining({ code: 'internal' }),
    ]);
    expect((a as { correlationId: string }).correlationId).not.toBe((b as { correlationId: string }).correlationId);
    expect(log.records().map((r) => r.err)).toEqual(['socket hang up', 'socket hang up']);
  });

  it('leaves refusals alone: a result code is an answer, not a fault', async () => {
    const log = captureLog();
    const barrier = withFaultBarrier(
      service(() => Promise.resolve({ ok: false, code: 'identity_failed' })),
      log,
    );
    expect(await barrier.verifyIdentity({ sessionId: 'a'.repeat(32), birthdate: 'x' }, CLIENT)).toEqual({
      ok: false,
      code: 'identity_failed',
    });
    expect(log.records()).toEqual([]);
  });
});
