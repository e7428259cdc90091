// The `directory: { type: 'ad' }` config: defaults, TLS-only URLs, and errors that name the field.
import { describe, expect, it } from 'vitest';
import { adDirectorySchema } from '../../../src-main/config/directory.js';
import { parseConfig } from '../../../src-main/config/load.js';
import { configRefusal } from '../../helpers/errors.js';

const minimal = {
  type: 'ad',
  urls: ['ldaps://dc1.example.org'],
  baseDns: ['OU=Staff,DC=example,DC=org'],
  bindDn: 'svc@example.org',
};
const errorOf = (directory: Record<string, unknown>) => configRefusal({ directory });

describe('ad directory config', () => {
  it('fills every default', () => {
    expect(adDirectorySchema.parse(minimal)).toEqual({
      ...minimal,
      startTls: false,
      bindPasswordEnv: 'RESET_KIOSK_AD_PASSWORD',
      attributes: {
        birthdate: 'employeeID',
        mobile: 'mobile',
        givenName: 'givenName',
        surname: 'sn',
        displayName: 'displayName',
      },
      timeouts: { connectMs: 5000, operationMs: 10000 },
      pool: { size: 2, idleMs: 60_000 },
    });
    expect(
      parseConfig({ directory: minimal, sms: { provider: { type: 'twilio-messaging', from: 'Pantein' } } }).directory
        .type,
    ).toBe('ad');
  });

  it('accepts ldaps://, and ldap:// only with startTls', () => {
    expect(() =>
      adDirectorySchema.parse({ ...minimal, urls: ['ldaps://10.0.0.1:636', 'ldaps://[::1]'] }),
    ).not.toThrow();
    expect(() =>
      adDirectorySchema.parse({ ...minimal, urls: ['ldap://dc1.example.org:389'], startTls: true }),
    ).not.toThrow();
  });

  it('refuses plain LDAP, StartTLS on ldaps, other schemes and paths, naming the URL', () => {
    expect(errorOf({ ...minimal, urls: ['ldaps://ok.example', 'ldap://dc2.example.org'] })).toMatch(
      /directory\.urls\.1: plain ldap:\/\/ is refused/,
    );
    expect(errorOf({ ...minimal, startTls: true })).toMatch(/directory\.urls\.0: startTls cannot be used with ldaps/);
    expect(errorOf({ ...minimal, urls: ['https://dc1.example.org'] })).toMatch(
      /directory\.urls\.0: scheme must be ldaps/,
    );
    expect(errorOf({ ...minimal, urls: ['ldaps://dc1.example.org/DC=example'] })).toMatch(
      /directory\.urls\.0: only scheme, host and port/,
    );
    expect(errorOf({ ...minimal, urls: ['dc1'] })).toMatch(/directory\.urls\.0/);
    expect(errorOf({ ...minimal, urls: [] })).toMatch(/directory\.urls/);
  });

  it('names a missing or wrong field', () => {
    const { bindDn: _b, ...noBind } = minimal;
    expect(errorOf(noBind)).toMatch(/directory\.bindDn/);
    expect(errorOf({ ...minimal, baseDns: [] })).toMatch(/directory\.baseDns/);
    expect(errorOf({ ...minimal, attributes: { birthdate: 'employeeID)(x=*' } })).toMatch(
      /directory\.attributes\.birthdate: must be an LDAP attribute name/,
    );
    expect(errorOf({ ...minimal, timeouts: { connectMs: 0 } })).toMatch(/directory\.timeouts\.connectMs/);
    expect(errorOf({ ...minimal, bindPasswordEnv: 'NOT A VAR' })).toMatch(/directory\.bindPasswordEnv/);
    expect(errorOf({ ...minimal, pool: { size: -1 } })).toMatch(/directory\.pool\.size/);
    expect(errorOf({ ...minimal, pool: { idleMs: 900_000 } })).toMatch(/directory\.pool\.idleMs/); // AD's own idle limit
    expect(errorOf({ ...minimal, pool: { max: 4 } })).toMatch(/directory\.pool/);
    expect(errorOf({ ...minimal, bindPassword: 'secret' })).toMatch(/directory.*bindPassword/); // strict: no secrets here
    expect(errorOf({ ...minimal, type: 'ldap' })).toMatch(/directory\.type/);
  });
});
