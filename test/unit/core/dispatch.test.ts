// The one door from a host into the core (web host and kiosk IPC): only contract methods, only arguments their
// schema accepts, and the client context the host supplies. Nothing else reaches the service.
import { describe, expect, it, vi } from 'vitest';
import { mapMethods, METHODS, type ResetService } from '../../../src-main/core/contract.js';
import { dispatcher } from '../../../src-main/core/dispatch.js';

const HOST = { clientId: '10.0.0.7' };
const SESSION = 'a'.repeat(32);

function recordingService() {
  const service = mapMethods((m) => vi.fn(() => Promise.resolve({ ok: true, answeredBy: m })));
  return { service: service as unknown as ResetService, calls: service };
}

/** A request each method's schema accepts. */
const VALID = {
  info: {},
  start: { username: 'A.Janssen', lang: 'en' },
  verifyIdentity: { sessionId: SESSION, birthdate: '01-10-1984' },
  resendCode: { sessionId: SESSION },
  verifyCode: { sessionId: SESSION, code: '123456' },
  setPassword: { sessionId: SESSION, password: 'Zomer#2026x', repeat: 'Zomer#2026x' },
  unlock: { sessionId: SESSION },
  cancel: { sessionId: SESSION },
};

describe('dispatcher', () => {
  it.each(METHODS)(
    "%s: a valid request reaches that method with the host's client, and its answer comes back",
    async (method) => {
      const { service, calls } = recordingService();
      const done = await dispatcher(service)(method, VALID[method], HOST);
      expect(done).toEqual({ ok: true, method, request: VALID[method], response: { ok: true, answeredBy: method } });
      expect(calls[method]).toHaveBeenCalledWith(VALID[method], HOST);
      for (const other of METHODS.filter((m) => m !== method)) expect(calls[other]).not.toHaveBeenCalled();
    },
  );

  it.each(['eval', '', 'START', '__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
    'refuses the method name %j as unknown',
    async (name) => {
      const { service, calls } = recordingService();
      expect(await dispatcher(service)(name, {}, HOST)).toEqual({ ok: false, refusal: 'unknown_method' });
      for (const m of METHODS) expect(calls[m]).not.toHaveBeenCalled();
    },
  );

  it.each<[string, string, unknown]>([
    ['an extra field', 'start', { username: 'a', admin: true }],
    ['a wrong type', 'verifyCode', { sessionId: SESSION, code: 123456 }],
    ['a session id that is no id', 'cancel', { sessionId: '../../etc/passwd' }],
    ['a missing field', 'setPassword', { sessionId: SESSION, password: 'x' }],
    ['a language we do not speak', 'start', { username: 'a', lang: 'de' }],
    ['an oversized value', 'start', { username: 'x'.repeat(257) }],
    ['no object at all', 'verifyIdentity', 'A.Janssen'],
    ['an array', 'info', []],
    ['a client context smuggled in', 'start', { username: 'a', clientId: 'someone-else' }],
  ])('refuses %s before the core sees it', async (_name, method, arg) => {
    const { service, calls } = recordingService();
    expect(await dispatcher(service)(method, arg, HOST)).toEqual({ ok: false, refusal: 'invalid_request' });
    for (const m of METHODS) expect(calls[m]).not.toHaveBeenCalled();
  });

  it('reads a missing argument as {} (info takes none; start still needs its username)', async () => {
    const { service, calls } = recordingService();
    const dispatch = dispatcher(service);
    expect(await dispatch('info', undefined, HOST)).toMatchObject({ ok: true, request: {} });
    expect(calls.info).toHaveBeenCalledWith({}, HOST);
    expect(await dispatch('start', null, HOST)).toEqual({ ok: false, refusal: 'invalid_request' });
  });
});
