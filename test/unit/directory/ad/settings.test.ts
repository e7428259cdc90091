// What the AD adapter connects with: the bind password from the env (or <VAR>_FILE), TLS verified (TLS 1.2+,
// the configured CA and servername), and errors that name the field or the variable, never the secret.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../../src-main/config/load.js';
import { adDirectorySchema } from '../../../../src-main/config/directory.js';
import { adConnectionSettings } from '../../../../src-main/directory/ad/settings.js';

const minimal = {
  type: 'ad',
  urls: ['ldaps://dc1.example.org'],
  baseDns: ['OU=Staff,DC=example,DC=org'],
  bindDn: 'svc@example.org',
};

describe('adConnectionSettings', () => {
  const config = adDirectorySchema.parse(minimal);
  const env = { RESET_KIOSK_AD_PASSWORD: 's3cret' };

  it('takes the password from the environment, verifies TLS with Node defaults, TLS 1.2+', () => {
    const s = adConnectionSettings(config, env);
    expect(s.bindPassword).toBe('s3cret');
    expect(s.tls).toEqual({ minVersion: 'TLSv1.2' });
    expect(s.tls.rejectUnauthorized).toBeUndefined(); // Node's default: verify
  });

  it('loads the CA file and the servername', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rk-ca-'));
    writeFileSync(join(dir, 'ca.pem'), '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
    const s = adConnectionSettings({ ...config, caFile: join(dir, 'ca.pem'), servername: 'dc1.example.org' }, env);
    expect(s.tls.ca).toEqual([expect.stringContaining('BEGIN CERTIFICATE')]);
    expect(s.tls.servername).toBe('dc1.example.org');
    writeFileSync(join(dir, 'not.pem'), 'hello');
    expect(() => adConnectionSettings({ ...config, caFile: join(dir, 'not.pem') }, env)).toThrow(
      /directory\.caFile: .* holds no PEM/,
    );
    expect(() => adConnectionSettings({ ...config, caFile: join(dir, 'missing.pem') }, env)).toThrow(
      /directory\.caFile: cannot read/,
    );
  });

  it('a missing secret is a ConfigError naming the variable', () => {
    expect(() => adConnectionSettings(config, {})).toThrow(ConfigError);
    expect(() => adConnectionSettings(config, {})).toThrow(/RESET_KIOSK_AD_PASSWORD \(or RESET_KIOSK_AD_PASSWORD_FILE/);
    expect(() => adConnectionSettings(config, { RESET_KIOSK_AD_PASSWORD_FILE: '/no/such/file' })).toThrow(
      /cannot read RESET_KIOSK_AD_PASSWORD_FILE/,
    );
  });
});
