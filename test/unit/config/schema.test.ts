// The config refuses settings that would quietly weaken the product (security review findings 5–7).
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src-main/config/load.js';
import { configRefusal as refusal } from '../../helpers/errors.js';

const ad = {
  type: 'ad',
  urls: ['ldaps://dc1.zorg.example'],
  baseDns: ['OU=Zorg,DC=zorg,DC=example'],
  bindDn: 'svc@zorg.example',
};

describe('config guards', () => {
  it('a real directory with the demo outbox (codes in a file) is refused unless a test lab says so', () => {
    expect(refusal({ directory: ad })).toMatch(/sms\.provider: the demo SMS outbox writes codes to a file/);
    expect(refusal({ directory: ad, sms: { provider: { type: 'outbox', allowRealDirectory: true } } })).toBe(
      'accepted',
    );
    expect(refusal({})).toBe('accepted'); // the demo
  });

  it('per-user windows are at least an hour, and a code cannot get fresh tries while it is valid', () => {
    expect(refusal({ security: { limits: { identityPerUser: { points: 5, durationSeconds: 60 } } } })).toMatch(
      /identityPerUser\.durationSeconds/,
    );
    expect(refusal({ security: { limits: { smsPerUser: { points: 5, durationSeconds: 600 } } } })).toMatch(
      /smsPerUser\.durationSeconds/,
    );
    expect(
      refusal({ security: { codeTtlSeconds: 300, limits: { codeChecks: { points: 3, durationSeconds: 120 } } } }),
    ).toMatch(/codeChecks\.durationSeconds: must be at least security\.codeTtlSeconds/);
  });

  it('the code step is never wiped while its code is valid: codeIdleSeconds ≥ codeTtlSeconds, which it defaults to', () => {
    expect(refusal({ security: { codeTtlSeconds: 300, codeIdleSeconds: 120 } })).toMatch(
      /security\.codeIdleSeconds: must be at least security\.codeTtlSeconds/,
    );
    expect(refusal({ security: { codeTtlSeconds: 300, codeIdleSeconds: 360 } })).toBe('accepted');
    expect(parseConfig({}).security.codeIdleSeconds).toBeUndefined(); // app.ts: codeTtlSeconds
  });

  it('trustProxy takes proxy addresses or a hop count, never `true`', () => {
    expect(refusal({ server: { trustProxy: true } })).toMatch(/server\.trustProxy/);
    expect(refusal({ server: { trustProxy: ['10.0.0.5', '10.0.1.0/24'] } })).toBe('accepted');
    expect(refusal({ server: { trustProxy: 1 } })).toBe('accepted');
    expect(refusal({ server: { trustProxy: ['not-an-ip'] } })).toMatch(/server\.trustProxy/);
  });

  it('server timeouts are seconds with upper bounds; the headers fit in the request; idle outlasts the slowest answer', () => {
    expect(refusal({ server: { timeouts: { requestSeconds: 600 } } })).toMatch(/server\.timeouts\.requestSeconds/);
    expect(refusal({ server: { timeouts: { requestSeconds: 0 } } })).toMatch(/server\.timeouts\.requestSeconds/);
    expect(refusal({ server: { timeouts: { headersSeconds: 20, requestSeconds: 10 } } })).toMatch(
      /headersSeconds: must be at most requestSeconds/,
    );
    const slow = {
      directory: { ...ad, timeouts: { operationMs: 30_000 } },
      sms: { provider: { type: 'outbox', allowRealDirectory: true } },
    };
    expect(refusal({ ...slow, server: { timeouts: { idleSeconds: 30 } } })).toMatch(
      /idleSeconds: must be more than .*30000 ms/,
    );
    expect(refusal({ ...slow, server: { timeouts: { idleSeconds: 31 } } })).toBe('accepted');
    expect(refusal({ server: { maxConnections: 0 } })).toMatch(/server\.maxConnections/);
  });
});
