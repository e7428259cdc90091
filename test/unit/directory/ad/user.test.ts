// The lookup filter (ldapts filter objects: user input is data, never filter syntax) and the entry mapping.
import type { Entry } from 'ldapts';
import { describe, expect, it } from 'vitest';
import {
  isPersonEntry,
  isUnder,
  lookupName,
  toDirectoryUser,
  userFilter,
} from '../../../../src-main/directory/ad/user.js';

const attrs = {
  birthdate: 'employeeID',
  mobile: 'mobile',
  givenName: 'givenName',
  surname: 'sn',
  displayName: 'displayName',
};

const SUFFIXES = ['kiosk.test', 'zorg.example'];

describe('userFilter', () => {
  it('matches the sAMAccountName or the UPN "name@" each of the forest\'s suffixes, by equality only', () => {
    expect(userFilter('a.janssen', SUFFIXES)?.toString()).toBe(
      '(|(sAMAccountName=a.janssen)(userPrincipalName=a.janssen@kiosk.test)(userPrincipalName=a.janssen@zorg.example))',
    );
    expect(userFilter('a.janssen', SUFFIXES)?.toString()).not.toMatch(/=[^)]*\*/); // no substring (a scan on Samba)
  });

  it('a full UPN or DOMAIN\\name also work', () => {
    expect(userFilter('a.janssen@kiosk.test', SUFFIXES)?.toString()).toBe(
      '(|(userPrincipalName=a.janssen@kiosk.test)(sAMAccountName=a.janssen))',
    );
    expect(userFilter('KIOSK\\a.janssen', SUFFIXES)?.toString()).toBe(userFilter('a.janssen', SUFFIXES)?.toString());
  });

  it('keeps filter syntax in the input as data (shown escaped in the string form)', () => {
    expect(userFilter('*)(uid=*', SUFFIXES)?.toString()).toContain('(sAMAccountName=\\2a\\29\\28uid=\\2a)');
    expect(userFilter('*', SUFFIXES)?.toString()).toContain('(sAMAccountName=\\2a)');
    expect(userFilter('*', SUFFIXES)?.toString()).toContain('(userPrincipalName=\\2a@kiosk.test)');
  });

  it('refuses what cannot be an account without asking the DC', () => {
    for (const bad of ['', '   ', 'a\u0000b', 'a\nb', '@kiosk.test', 'KIOSK\\', 'x'.repeat(257)]) {
      expect(userFilter(bad, SUFFIXES), JSON.stringify(bad)).toBeNull();
      expect(lookupName(bad), JSON.stringify(bad)).toBeNull();
    }
  });
});

describe('isPersonEntry', () => {
  const e = (objectClass: string[], objectCategory: string): Entry => ({ dn: 'CN=x', objectClass, objectCategory });
  it('keeps people (user, inetOrgPerson) and drops computers and groups, as (objectCategory=person)(objectClass=user) would', () => {
    expect(
      isPersonEntry(
        e(['top', 'person', 'organizationalPerson', 'user'], 'CN=Person,CN=Schema,CN=Configuration,DC=kiosk,DC=test'),
      ),
    ).toBe(true);
    expect(
      isPersonEntry(
        e(
          ['top', 'person', 'organizationalPerson', 'user', 'inetOrgPerson'],
          'CN=Person,CN=Schema,CN=Configuration,DC=x',
        ),
      ),
    ).toBe(true);
    expect(
      isPersonEntry(
        e(['top', 'person', 'organizationalPerson', 'user', 'computer'], 'CN=Computer,CN=Schema,CN=Configuration,DC=x'),
      ),
    ).toBe(false);
    expect(isPersonEntry(e(['top', 'group'], 'CN=Group,CN=Schema,CN=Configuration,DC=x'))).toBe(false);
    expect(isPersonEntry({ dn: 'CN=x' })).toBe(false);
  });
});

describe('toDirectoryUser', () => {
  const entry = (extra: Record<string, string | string[] | Buffer | Buffer[]>): Entry => ({
    dn: 'CN=Anna Janssen,OU=Kiosk,DC=kiosk,DC=test',
    ...extra,
  });
  // {3F2504E0-4F89-11D3-9A0C-0305E82C3301} as AD stores it: Data1–Data3 little-endian (MS-DTYP 2.3.4.2).
  const GUID = Buffer.from('e004253f894fd3119a0c0305e82c3301', 'hex');

  it('keys the account by its objectGUID in the form Get-ADUser shows; without one by its DN, never by a name', () => {
    expect(toDirectoryUser(entry({ objectguid: [GUID] }), attrs).accountKey).toBe(
      '3f2504e0-4f89-11d3-9a0c-0305e82c3301',
    );
    expect(toDirectoryUser(entry({ sAMAccountName: 'A.Janssen' }), attrs).accountKey).toBe(
      'dn:cn=anna janssen,ou=kiosk,dc=kiosk,dc=test',
    );
    expect(toDirectoryUser(entry({ objectGUID: 'not bytes' }), attrs).accountKey).toMatch(/^dn:/);
  });

  it('maps attributes whatever case the DC used, and normalises the stored birthdate', () => {
    const user = toDirectoryUser(
      entry({
        samaccountname: 'A.Janssen',
        GIVENNAME: 'Anna',
        sn: 'Janssen',
        displayName: 'Anna Janssen',
        employeeID: '19841001',
        mobile: [' +31612345678 '],
        userAccountControl: '512',
        objectGUID: GUID,
        userPrincipalName: 'anna.janssen@kiosk.test',
      }),
      attrs,
    );
    expect(user).toEqual({
      id: 'CN=Anna Janssen,OU=Kiosk,DC=kiosk,DC=test',
      accountKey: '3f2504e0-4f89-11d3-9a0c-0305e82c3301',
      username: 'A.Janssen',
      aliases: ['anna.janssen'],
      givenName: 'Anna',
      surname: 'Janssen',
      displayName: 'Anna Janssen',
      birthdate: '1984-10-01',
      mobile: '+31612345678',
      disabled: false,
    });
  });

  it('disabled = userAccountControl bit 2; missing values are undefined; displayName falls back to the names', () => {
    const user = toDirectoryUser(
      entry({
        sAMAccountName: 'x',
        givenName: 'Dirk',
        sn: 'Dicht',
        userAccountControl: '514',
        employeeID: 'unknown',
        mobile: [],
      }),
      attrs,
    );
    expect(user).toMatchObject({ disabled: true, birthdate: undefined, mobile: undefined, displayName: 'Dirk Dicht' });
    expect(toDirectoryUser(entry({ userAccountControl: '66050' }), attrs).disabled).toBe(true); // 0x10202
    expect(toDirectoryUser(entry({ userAccountControl: '66048' }), attrs).disabled).toBe(false); // 0x10200
  });

  it('reads Buffer values as UTF-8', () => {
    expect(toDirectoryUser(entry({ employeeID: Buffer.from('01-10-1984') }), attrs).birthdate).toBe('1984-10-01');
  });
});

describe('isUnder', () => {
  it('compares DNs case-insensitively, ignoring spaces after separators, and never by suffix alone', () => {
    const bases = ['OU=Kiosk, DC=kiosk, DC=test'];
    expect(isUnder('CN=Anna Janssen,OU=Kiosk,DC=kiosk,DC=test', bases)).toBe(true);
    expect(isUnder('cn=anna janssen,ou=kiosk,dc=kiosk,dc=test', bases)).toBe(true);
    expect(isUnder('OU=Kiosk,DC=kiosk,DC=test', bases)).toBe(true);
    expect(isUnder('CN=Administrator,CN=Users,DC=kiosk,DC=test', bases)).toBe(false);
    expect(isUnder('CN=X,OU=NotKiosk,DC=kiosk,DC=test', bases)).toBe(false);
  });
});
