// The `directory: { type: 'ad' }` config: defaults, TLS-only URLs, and errors that name the field.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../../src-main/config/load.js';
import { adDirectorySchema } from '../../../src-main/config/directory.js';
import { adConnectionSettings } from '../../../src-main/directory/ad-settings.js';

const minimal = { type: 'ad', urls: ['ldaps://dc1.example.org'], baseDns: ['OU=Staff,DC=example,DC=org'], bindDn: 'svc@example.org' };
const errorOf = (directory: Record<string, unknown>) => {
  try {
    parseConfig({ directory });
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
};

describe('ad directory config', () => {
  it('fills every default', () => {
    expect(adDirectorySchema.parse(minimal)).toEqual({
      ...minimal,
      startTls: false,
      bindPasswordEnv: 'RESET_KIOSK_AD_PASSWORD',
      attributes: { birthdate: 'employeeID', mobile: 'mobile', givenName: 'givenName', surname: 'sn', displayName: 'displayName' },
      timeouts: { connectMs: 5000, operationMs: 10000 },
      pool: { size: 2, idleMs: 60_000 },
    });
    expect(parseConfig({ directory: minimal, sms: { provider: { type: 'twilio-messaging', from: 'Pantein' } } }).directory.type).toBe('ad');
  });

  it('accepts ldaps://, and ldap:// only with startTls', () => {
    expect(() => adDirectorySchema.parse({ ...minimal, urls: ['ldaps://10.0.0.1:636', 'ldaps://[::1]'] })).not.toThrow();
    expect(() => adDirectorySchema.parse({ ...minimal, urls: ['ldap://dc1.example.org:389'], startTls: true })).not.toThrow();
  });

  it('refuses plain LDAP, StartTLS on ldaps, other schemes and paths, naming the URL', () => {
    expect(errorOf({ ...minimal, urls: ['ldaps://ok.example', 'ldap://dc2.example.org'] })).toMatch(/directory\.urls\.1: plain ldap:\/\/ is refused/);
    expect(errorOf({ ...minimal, startTls: true })).toMatch(/directory\.urls\.0: startTls cannot be used with ldaps/);
    expect(errorOf({ ...minimal, urls: ['https://dc1.example.org'] })).toMatch(/directory\.urls\.0: scheme must be ldaps/);
    expect(errorOf({ ...minimal, urls: ['ldaps://dc1.example.org/DC=example'] })).toMatch(/directory\.urls\.0: only scheme, host and port/);
    expect(errorOf({ ...minimal, urls: ['dc1'] })).toMatch(/directory\.urls\.0/);
    expect(errorOf({ ...minimal, urls: [] })).toMatch(/directory\.urls/);
  });

  it('names a missing or wrong field', () => {
    const { bindDn: _b, ...noBind } = minimal;
    expect(errorOf(noBind)).toMatch(/directory\.bindDn/);
    expect(errorOf({ ...minimal, baseDns: [] })).toMatch(/directory\.baseDns/);
    expect(errorOf({ ...minimal, attributes: { birthdate: 'employeeID)(x=*' } })).toMatch(/directory\.attributes\.birthdate: must be an LDAP attribute name/);
    expect(errorOf({ ...minimal, timeouts: { connectMs: 0 } })).toMatch(/directory\.timeouts\.connectMs/);
    expect(errorOf({ ...minimal, bindPasswordEnv: 'NOT A VAR' })).toMatch(/directory\.bindPasswordEnv/);
    expect(errorOf({ ...minimal, pool: { size: -1 } })).toMatch(/directory\.pool\.size/);
    expect(errorOf({ ...minimal, pool: { idleMs: 900_000 } })).toMatch(/directory\.pool\.idleMs/); // AD's own idle limit
    expect(errorOf({ ...minimal, pool: { max: 4 } })).toMatch(/directory\.pool/);
    expect(errorOf({ ...minimal, bindPassword: 'secret' })).toMatch(/directory.*bindPassword/); // strict: no secrets here
    expect(errorOf({ ...minimal, type: 'ldap' })).toMatch(/directory\.type/);
  });
});

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
    expect(() => adConnectionSettings({ ...config, caFile: join(dir, 'not.pem') }, env)).toThrow(/directory\.caFile: .* holds no PEM/);
    expect(() => adConnectionSettings({ ...config, caFile: join(dir, 'missing.pem') }, env)).toThrow(/directory\.caFile: cannot read/);
  });

  it('a missing secret is a ConfigError naming the variable', () => {
    expect(() => adConnectionSettings(config, {})).toThrow(ConfigError);
    expect(() => adConnectionSettings(config, {})).toThrow(/RESET_KIOSK_AD_PASSWORD \(or RESET_KIOSK_AD_PASSWORD_FILE/);
    expect(() => adConnectionSettings(config, { RESET_KIOSK_AD_PASSWORD_FILE: '/no/such/file' })).toThrow(/cannot read RESET_KIOSK_AD_PASSWORD_FILE/);
  });
});
