// Fake adapters for the fault matrix: a directory (the demo's people) and a code channel that fail on demand
// the way the real adapters report failures (DirectoryUnavailableError, ResetOutcome, SendFailure).
import { setTimeout as sleep } from 'node:timers/promises';
import { randomBytes } from 'node:crypto';
import { codeMatches, hashCode } from '../../src-main/core/otp.js';

const PEPPER = randomBytes(32);
import { DemoDirectory } from '../../src-main/directory/demo.js';
import {
  DirectoryUnavailableError,
  type Directory,
  type DirectoryPasswordPolicy,
  type DirectoryUser,
  type ResetOutcome,
  type UnlockOutcome,
} from '../../src-main/core/ports/directory.js';
import type { CheckOutcome, CodeChannel, IssuedCode, SendFailure } from '../../src-main/core/ports/sms.js';

export type LookupFault = 'down' | 'timeout' | 'bug';
export type ResetFault = 'unavailable' | 'timeout' | 'policy' | 'history' | 'rights' | 'bug' | 'hang';

export class FaultyDirectory implements Directory {
  readonly enforcesHistory = true;
  private readonly people = DemoDirectory.load();
  /** The password each account has now: what a half-set reset would show. */
  readonly passwords = new Map<string, string>();
  lookupFault: LookupFault | undefined;
  resetFault: ResetFault | undefined;
  resets = 0;

  async findUser(username: string): Promise<DirectoryUser | null> {
    if (this.lookupFault === 'down') throw new DirectoryUnavailableError('connect ECONNREFUSED 10.0.0.10:636');
    if (this.lookupFault === 'timeout') {
      await sleep(30);
      throw new DirectoryUnavailableError('search timed out after 10000 ms');
    }
    if (this.lookupFault === 'bug') throw new TypeError("Cannot read properties of undefined (reading 'dn')");
    return this.people.findUser(username);
  }

  /** Set to make the policy read fail (the flow then falls back to the config's rules). */
  policyFault = false;

  async passwordPolicy(user: Pick<DirectoryUser, 'id'>): Promise<DirectoryPasswordPolicy> {
    if (this.policyFault) throw new DirectoryUnavailableError('policy read timed out');
    return this.people.passwordPolicy(user);
  }

  async resetPassword(user: Pick<DirectoryUser, 'id'>, password: string): Promise<ResetOutcome> {
    this.resets++;
    switch (this.resetFault) {
      case 'unavailable':
        return { ok: false, reason: 'unavailable', detail: 'ECONNRESET' };
      case 'timeout':
        await sleep(30);
        return { ok: false, reason: 'unavailable', detail: 'modify timed out' };
      case 'policy':
        return { ok: false, reason: 'policy' }; // constraintViolation 19, 0000052D
      case 'history':
        return { ok: false, reason: 'history' };
      case 'rights':
        return { ok: false, reason: 'rights', detail: 'LDAP 50 insufficientAccessRights' };
      case 'bug':
        throw new RangeError('unexpected');
      case 'hang':
        return new Promise(() => {}); // the process dies during the modify: it never answers
      default:
        this.passwords.set(user.id, password);
        return { ok: true };
    }
  }

  unlock(user: Pick<DirectoryUser, 'id' | 'username'>): Promise<UnlockOutcome> {
    if (this.resetFault === 'unavailable')
      return Promise.resolve({ ok: false, reason: 'unavailable', detail: 'ECONNRESET' });
    if (this.resetFault === 'rights')
      return Promise.resolve({ ok: false, reason: 'rights', detail: 'LDAP 50 insufficientAccessRights' });
    if (this.resetFault === 'bug') return Promise.reject(new RangeError('unexpected'));
    this.unlocked.push(user.id);
    return Promise.resolve({ ok: true });
  }

  readonly unlocked: string[] = [];

  async close(): Promise<void> {}
}

export type SendFault = 'invalid_number' | 'rate_limited' | 'provider_error' | 'timeout' | 'throws';

/** Issues the known code 424242 (so tests can type it), unless a fault is set. */
export class FaultyCodeChannel implements CodeChannel {
  static readonly CODE = '424242';
  sendFault: SendFault | undefined;
  checkUnavailable = false;
  issued = 0;

  issue(): Promise<{ ok: true; issued: IssuedCode } | SendFailure> {
    const provider: Record<Exclude<SendFault, 'throws'>, SendFailure> = {
      invalid_number: { ok: false, reason: 'invalid_number', providerCode: 21211 },
      rate_limited: { ok: false, reason: 'rate_limited', providerCode: 20429 },
      provider_error: { ok: false, reason: 'provider_error', providerCode: 503 },
      timeout: { ok: false, reason: 'timeout', providerCode: 'ETIMEDOUT' },
    };
    if (this.sendFault === 'throws') return Promise.reject(new Error('socket hang up'));
    if (this.sendFault) return Promise.resolve(provider[this.sendFault]);
    this.issued++;
    return Promise.resolve({ ok: true, issued: { kind: 'local', ...hashCode(FaultyCodeChannel.CODE, PEPPER) } });
  }

  check(issued: IssuedCode, code: string): Promise<CheckOutcome> {
    if (this.checkUnavailable) return Promise.resolve('unavailable');
    return Promise.resolve(issued.kind === 'local' && codeMatches(code, issued, PEPPER) ? 'valid' : 'invalid');
  }
}
