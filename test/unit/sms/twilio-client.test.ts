// Where the Twilio credentials come from: env var or <VAR>_FILE, never the config file; an API key is preferred
// when set; errors name the variable, never the value.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src-main/config/load.js';
import { DEFAULT_TWILIO_SECRET_ENV } from '../../../src-main/config/sms.js';
import { readTwilioCredentials } from '../../../src-main/sms/twilio-client.js';
import { thrown } from '../../helpers/errors.js';

const AC = 'AC' + '1'.repeat(32);
const SK = 'SK' + '4'.repeat(32);

describe('readTwilioCredentials', () => {
  const names = DEFAULT_TWILIO_SECRET_ENV;

  it('Account SID + auth token from environment variables', () => {
    expect(
      readTwilioCredentials(names, { RESET_KIOSK_TWILIO_ACCOUNT_SID: AC, RESET_KIOSK_TWILIO_AUTH_TOKEN: 'tok' }),
    ).toEqual({ username: AC, password: 'tok', accountSid: AC, auth: 'auth-token' });
  });

  it('API key + secret (preferred when set) from *_FILE', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rk-twilio-'));
    writeFileSync(join(dir, 'secret'), 'key-secret\n');
    const env = {
      RESET_KIOSK_TWILIO_ACCOUNT_SID: AC,
      RESET_KIOSK_TWILIO_AUTH_TOKEN: 'tok',
      RESET_KIOSK_TWILIO_API_KEY_SID: SK,
      RESET_KIOSK_TWILIO_API_KEY_SECRET_FILE: join(dir, 'secret'),
    };
    expect(readTwilioCredentials(names, env)).toEqual({
      username: SK,
      password: 'key-secret',
      accountSid: AC,
      auth: 'api-key',
    });
  });

  it('custom variable names from the config', () => {
    const custom = { ...names, accountSid: 'SMS_SID', authToken: 'SMS_TOKEN' };
    expect(readTwilioCredentials(custom, { SMS_SID: AC, SMS_TOKEN: 't' })).toMatchObject({
      username: AC,
      password: 't',
    });
  });

  it('missing or malformed: a ConfigError naming the variable, never the value', () => {
    const cases: [Record<string, string>, string][] = [
      [{}, 'set RESET_KIOSK_TWILIO_ACCOUNT_SID'],
      [
        { RESET_KIOSK_TWILIO_ACCOUNT_SID: 'secret-looking-value' },
        'RESET_KIOSK_TWILIO_ACCOUNT_SID is not an Account SID',
      ],
      [{ RESET_KIOSK_TWILIO_ACCOUNT_SID: AC }, 'set RESET_KIOSK_TWILIO_AUTH_TOKEN'],
      [
        { RESET_KIOSK_TWILIO_ACCOUNT_SID: AC, RESET_KIOSK_TWILIO_API_KEY_SID: SK },
        'set RESET_KIOSK_TWILIO_API_KEY_SECRET',
      ],
      [
        { RESET_KIOSK_TWILIO_ACCOUNT_SID: AC, RESET_KIOSK_TWILIO_API_KEY_SID: 'secret-looking-value' },
        'is not an API key SID',
      ],
      [
        { RESET_KIOSK_TWILIO_ACCOUNT_SID: AC, RESET_KIOSK_TWILIO_AUTH_TOKEN_FILE: '/nonexistent/rk-token' },
        'cannot read RESET_KIOSK_TWILIO_AUTH_TOKEN_FILE',
      ],
    ];
    for (const [env, message] of cases) {
      const e = thrown(() => readTwilioCredentials(names, env));
      expect(e).toBeInstanceOf(ConfigError);
      expect(e.message).toContain(message);
      expect(e.message).not.toContain('secret-looking-value');
    }
  });
});
