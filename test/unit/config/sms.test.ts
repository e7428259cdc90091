// The `sms` config's Twilio providers: defaults, one sender, baseUrl only to this machine, and no secret or
// unbounded timeout in the file (the secrets' own source: test/unit/sms/twilio-client.test.ts).
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../../src-main/config/load.js';
import { DEFAULT_TWILIO_SECRET_ENV } from '../../../src-main/config/sms.js';
import { thrown } from '../../helpers/errors.js';

const VA = 'VA' + '2'.repeat(32);
const MG = 'MG' + '3'.repeat(32);
const provider = (p: Record<string, unknown>) => parseConfig({ sms: { provider: p } }).sms.provider;

describe('sms.provider schema', () => {
  it('twilio-messaging: defaults (10 s timeout, RESET_KIOSK_TWILIO_* names)', () => {
    expect(provider({ type: 'twilio-messaging', from: '+3197010000001' })).toEqual({
      type: 'twilio-messaging',
      from: '+3197010000001',
      timeoutMs: 10_000,
      secretEnv: DEFAULT_TWILIO_SECRET_ENV,
    });
    expect(provider({ type: 'twilio-messaging', from: 'Pantein' })).toMatchObject({ from: 'Pantein' });
    expect(provider({ type: 'twilio-messaging', messagingServiceSid: MG })).toMatchObject({ messagingServiceSid: MG });
  });

  it('twilio-messaging needs exactly one of from / messagingServiceSid', () => {
    expect(thrown(() => provider({ type: 'twilio-messaging' })).message).toContain(
      'sms.provider.from: set exactly one',
    );
    expect(
      thrown(() => provider({ type: 'twilio-messaging', from: 'Pantein', messagingServiceSid: MG })).message,
    ).toContain('exactly one');
  });

  it('baseUrl: https anywhere, plain http only to this machine', () => {
    for (const baseUrl of [
      'https://twilio-proxy.pantein.local',
      'http://127.0.0.1:4010',
      'http://localhost:4010/twilio',
      'http://[::1]:4010',
    ]) {
      expect(provider({ type: 'twilio-messaging', from: 'Pantein', baseUrl })).toMatchObject({ baseUrl });
    }
  });

  it('twilio-verify: a VA SID; a sender for notices is optional', () => {
    expect(provider({ type: 'twilio-verify', serviceSid: VA })).toMatchObject({ serviceSid: VA, timeoutMs: 10_000 });
    expect(provider({ type: 'twilio-verify', serviceSid: VA, messagingServiceSid: MG })).toMatchObject({
      messagingServiceSid: MG,
    });
    expect(thrown(() => provider({ type: 'twilio-verify', serviceSid: 'VA123' })).message).toContain(
      'sms.provider.serviceSid',
    );
  });

  it('refuses secrets, bad senders and unbounded timeouts in the file', () => {
    const bad = [
      { type: 'twilio-messaging', from: 'Pantein', authToken: 'abc' }, // unknown key: secrets have no place here
      { type: 'twilio-messaging', from: 'Pantein', secretEnv: { authToken: '0123456789abcdef0123456789abcdef' } },
      { type: 'twilio-messaging', from: 'Pantein Ziekenhuis' }, // > 11 characters
      { type: 'twilio-messaging', from: '0612345678' },
      { type: 'twilio-messaging', from: 'Pantein', timeoutMs: 60_000 },
      { type: 'twilio-messaging', from: 'Pantein', baseUrl: 'ftp://x' },
      { type: 'twilio-messaging', from: 'Pantein', baseUrl: 'http://proxy.pantein.local:8080' }, // credentials in clear text
    ];
    for (const p of bad) {
      const e = thrown(() => provider(p));
      expect(e).toBeInstanceOf(ConfigError);
      expect(e.message).not.toContain('0123456789abcdef'); // the offending value is never echoed
    }
  });
});
