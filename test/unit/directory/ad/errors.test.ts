// AD answers → the port's outcomes. Messages as Samba 4.17 sends them (test/peers/samba/FACTS.md).
import {
  BusyError,
  ConstraintViolationError,
  InsufficientAccessError,
  InvalidCredentialsError,
  UnavailableCriticalExtensionError,
  UnavailableError,
  UnknownStatusCodeError,
  UnwillingToPerformError,
} from 'ldapts';
import { describe, expect, it } from 'vitest';
import {
  ConnectionLostError,
  describeError,
  isConnectionLost,
  isFailoverError,
  neverSent,
  resetOutcomeFor,
} from '../../../../src-main/directory/ad/errors.js';

const netError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('resetOutcomeFor', () => {
  it('constraint violation (19, 0000052D) → policy; a history text → history', () => {
    const short = new ConstraintViolationError(
      '0000052D: Constraint violation - check_password_restrictions: the password is too short.',
    );
    const complex = new ConstraintViolationError(
      '0000052D: Constraint violation - check_password_restrictions: the password does not meet the complexity criteria!',
    );
    const history = new ConstraintViolationError(
      '0000052D: Constraint violation - check_password_restrictions: the password was already used (in history)!',
    );
    expect(resetOutcomeFor(short)).toEqual({ ok: false, reason: 'policy' });
    expect(resetOutcomeFor(complex)).toEqual({ ok: false, reason: 'policy' });
    expect(resetOutcomeFor(history)).toEqual({ ok: false, reason: 'history' });
  });

  it('insufficient access (50) → rights, with the DC text for the admin log', () => {
    const out = resetOutcomeFor(
      new InsufficientAccessError('error in module acl: insufficient access rights during LDB_MODIFY (50)'),
    );
    expect(out).toEqual({
      ok: false,
      reason: 'rights',
      detail: expect.stringMatching(/^LDAP 50 InsufficientAccessError: error in module acl/) as string,
    });
  });

  it('everything else → unavailable: network, TLS, timeouts, unsupported critical control, odd codes', () => {
    for (const err of [
      netError('ECONNREFUSED', 'connect ECONNREFUSED 10.0.0.1:636'),
      netError('UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'unable to verify the first certificate'),
      new Error('Connection timeout'),
      new UnavailableCriticalExtensionError(''),
      new UnwillingToPerformError('0000001F: SvcErr: DSID-031A12D2, problem 5003 (WILL_NOT_PERFORM)'),
      new UnknownStatusCodeError(80, '00000057: setup_last_set_field: pwdLastSet must be 0 or -1 only!'),
      new InvalidCredentialsError(
        '80090308: LdapErr: DSID-0C0903A9, comment: AcceptSecurityContext error, data 52e, v1db1',
      ),
    ]) {
      expect(resetOutcomeFor(err), err.message).toMatchObject({
        ok: false,
        reason: 'unavailable',
        detail: expect.any(String) as string,
      });
    }
  });
});

describe('isFailoverError', () => {
  it('moves on for transport failures and busy/unavailable DCs, not for an LDAP answer like a bad bind', () => {
    expect(isFailoverError(netError('ECONNREFUSED', 'refused'))).toBe(true);
    expect(isFailoverError(netError('ERR_TLS_CERT_ALTNAME_INVALID', 'altnames'))).toBe(true);
    expect(isFailoverError(new Error('Connection timeout'))).toBe(true);
    expect(isFailoverError(new BusyError())).toBe(true);
    expect(isFailoverError(new UnavailableError())).toBe(true);
    expect(isFailoverError(new InvalidCredentialsError())).toBe(false);
    expect(isFailoverError(new InsufficientAccessError())).toBe(false);
  });
});

describe('isConnectionLost / neverSent', () => {
  // ldapts' texts (dist/index.mjs, 8.2) and Node's socket codes.
  const closed = new Error(
    'Connection closed before message response was received. Message type: ModifyRequest (0x66)',
  );
  const socketError = new Error('Socket error. Message type: SearchRequest (0x63)\nread ECONNRESET');
  const timedOut = new Error('SearchRequest: Operation timed out');
  const notEstablished = new Error('Socket connection not established');

  it('a dead connection: reset, closed, socket error, request timeout, our refused reconnect', () => {
    for (const err of [
      closed,
      socketError,
      timedOut,
      notEstablished,
      netError('ECONNRESET', 'read ECONNRESET'),
      netError('EPIPE', 'write EPIPE'),
      new ConnectionLostError('ldaps://dc1'),
    ]) {
      expect(isConnectionLost(err), err.message).toBe(true);
    }
  });

  it('not a dead connection: any LDAP answer (19, 49, 50, 51, 52), a refused connect, a TLS failure, a bug', () => {
    for (const err of [
      new ConstraintViolationError('0000052D: Constraint violation'),
      new InvalidCredentialsError('data 52e'),
      new InsufficientAccessError(''),
      new BusyError(),
      new UnavailableError(),
      netError('ECONNREFUSED', 'refused'),
      netError('UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'unable to verify'),
      new TypeError('x is undefined'),
      'Connection closed before message response',
    ]) {
      expect(isConnectionLost(err), String(err)).toBe(false);
    }
  });

  it('only a connection found dead before the write is known never to have reached the DC', () => {
    expect(neverSent(new ConnectionLostError('ldaps://dc1'))).toBe(true);
    expect(neverSent(notEstablished)).toBe(true);
    for (const err of [closed, socketError, timedOut, netError('ECONNRESET', 'read ECONNRESET')])
      expect(neverSent(err), err.message).toBe(false);
  });

  it('a modify whose connection died or timed out once sent → uncertain; one refused before the write → unavailable', () => {
    for (const err of [
      closed,
      socketError,
      new Error('ModifyRequest: Operation timed out'),
      netError('ECONNRESET', 'read ECONNRESET'),
    ]) {
      expect(resetOutcomeFor(err), err.message).toEqual({
        ok: false,
        reason: 'uncertain',
        detail: expect.any(String) as string,
      });
    }
    expect(resetOutcomeFor(new ConnectionLostError('ldaps://dc1'))).toMatchObject({ ok: false, reason: 'unavailable' });
  });
});

describe('describeError', () => {
  it('names the code and is one bounded line', () => {
    expect(describeError(netError('ECONNREFUSED', 'connect ECONNREFUSED\n127.0.0.1:636'))).toBe(
      'ECONNREFUSED Error: connect ECONNREFUSED 127.0.0.1:636',
    );
    expect(describeError(new ConstraintViolationError('x'.repeat(1000))).length).toBeLessThanOrEqual(300);
    expect(describeError('odd')).toBe('odd');
  });
});
