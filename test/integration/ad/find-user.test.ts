// findUser against a real Samba AD DC: the username forms, attribute mapping, the exactly-one rule and the
// LDAP-injection set (each must be a clean null, never a match and never a throw).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdDirectory } from '../../../src-main/directory/ad/directory.js';
import { useDc } from './dc.js';
import { Attribute, Change } from 'ldapts';
import { USERS, adConfig, addUser, asAdmin, svcEnv } from './fixtures.js';
import { captureLog } from '../../helpers/log-capture.js';

const dc = await useDc();

describe.skipIf(!dc)('AD findUser (Samba AD DC)', () => {
  const d = dc!;
  let ad: AdDirectory;
  const log = captureLog();

  beforeAll(async () => {
    // A second UPN suffix registered for the forest (what "Active Directory Domains and Trusts" writes), before
    // the adapter reads the suffixes once at start-up; adding it twice is harmless.
    await asAdmin(d, (c) =>
      c
        .modify(`CN=Partitions,CN=Configuration,${d.baseDn}`, [
          new Change({
            operation: 'add',
            modification: new Attribute({ type: 'uPNSuffixes', values: ['other.test'] }),
          }),
        ])
        .catch((e: unknown) => {
          if (!/already|exists|20/i.test(String(e))) throw e;
        }),
    );
    ad = await AdDirectory.create(adConfig(d), log, svcEnv(d));
    // Fixtures: a disabled account, other stored birthdate formats, a UPN prefix that differs from the
    // sAMAccountName, and two accounts that answer to the same name ("dup": one by sAM, one by UPN prefix).
    await addUser(d, {
      cn: 'Dirk Dicht',
      sam: 'ddicht',
      disabled: true,
      attributes: { employeeID: '1970-01-02', mobile: '+31611111111' },
    });
    await addUser(d, {
      cn: 'Bea Compact',
      sam: 'bcompact',
      attributes: { employeeID: '19881224', mobile: '06-11223344' },
    });
    await addUser(d, {
      cn: 'Nina Dutch',
      sam: 'ndutch',
      attributes: { employeeID: '01-10-1984', extensionAttribute1: '1999-09-09' },
    });
    await addUser(d, {
      cn: 'Ann Upn',
      sam: 'aupn',
      upn: 'ann.upn@kiosk.test',
      attributes: { givenName: 'Ann', sn: 'Upn' },
    });
    await addUser(d, { cn: 'Dup One', sam: 'dup', upn: 'dup.one@kiosk.test' });
    await addUser(d, { cn: 'Dup Two', sam: 'dup2', upn: 'dup@other.test' });
    await addUser(d, { cn: 'Una Registered', sam: 'unreg', upn: 'una.reg@unregistered.test' });
  });
  afterAll(() => ad?.close());

  it('finds A.Janssen by every form of her name and maps her attributes', async () => {
    for (const name of [
      'a.janssen',
      'A.Janssen',
      'A.JANSSEN',
      'a.janssen@kiosk.test',
      'KIOSK\\a.janssen',
      ' a.janssen ',
    ]) {
      const user = await ad.findUser(name);
      expect(user, name).toEqual({
        id: USERS.anna.dn,
        accountKey: expect.stringMatching(/^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/) as string, // objectGUID
        username: 'A.Janssen',
        aliases: ['A.Janssen'], // her UPN prefix (A.Janssen@kiosk.test): what unblock and audit search also fold
        givenName: 'Anna',
        surname: 'Janssen',
        displayName: 'Anna Janssen',
        birthdate: '1984-10-01',
        mobile: '+31612345678',
        disabled: false,
      });
    }
  });

  it('finds a user by a UPN prefix that differs from the sAMAccountName', async () => {
    expect((await ad.findUser('ann.upn'))?.username).toBe('aupn');
    expect((await ad.findUser('aupn'))?.username).toBe('aupn');
    expect((await ad.findUser('aupn'))?.aliases).toEqual(['ann.upn']); // so `unblock --user aupn` also clears what was typed as ann.upn
  });

  it("reads the forest's UPN suffixes once: the registered ones, the root's and the domain's DNS name", () => {
    const line = log.records().find((l) => Array.isArray(l['upnSuffixes']));
    expect(line?.['upnSuffixes']).toEqual(expect.arrayContaining(['other.test', 'kiosk.test']));
  });

  it('a UPN with a suffix the forest does not list is found by the full UPN or the sAMAccountName, not by its prefix', async () => {
    expect((await ad.findUser('una.reg@unregistered.test'))?.username).toBe('unreg');
    expect((await ad.findUser('unreg'))?.username).toBe('unreg');
    expect(await ad.findUser('una.reg')).toBeNull(); // equality only: no `una.reg@*` scan
  });

  it('reads a missing mobile as undefined', async () => {
    const user = await ad.findUser('asmith');
    expect(user?.birthdate).toBe('1975-12-31');
    expect(user?.mobile).toBeUndefined();
  });

  it('normalises the stored birthdate formats YYYYMMDD and dd-mm-jjjj', async () => {
    expect((await ad.findUser('bcompact'))?.birthdate).toBe('1988-12-24');
    expect((await ad.findUser('ndutch'))?.birthdate).toBe('1984-10-01');
    expect((await ad.findUser('bcompact'))?.mobile).toBe('06-11223344'); // as stored: E.164 is the SMS layer's job
  });

  it('reads the birthdate from a configured attribute (extensionAttribute1)', async () => {
    const ext = await AdDirectory.create(
      adConfig(d, { attributes: { birthdate: 'extensionAttribute1' } }),
      log,
      svcEnv(d),
    );
    expect((await ext.findUser('ndutch'))?.birthdate).toBe('1999-09-09');
    expect((await ext.findUser('a.janssen'))?.birthdate).toBe('1984-10-01');
  });

  it('marks a disabled account (userAccountControl bit 2)', async () => {
    const user = await ad.findUser('ddicht');
    expect(user?.disabled).toBe(true);
    expect((await ad.findUser('jdoe'))?.disabled).toBe(false);
  });

  it('returns null for no match and for more than one match', async () => {
    expect(await ad.findUser('nobody')).toBeNull();
    expect(await ad.findUser('dup')).toBeNull();
    expect(log.text()).toContain('more than one account');
    expect(log.text()).not.toContain('"dup"'); // the typed name is never logged
    expect((await ad.findUser('dup2'))?.username).toBe('dup2');
  });

  it('only searches the configured base DNs', async () => {
    expect(await ad.findUser('outsider')).toBeNull(); // CN=Users is outside OU=Kiosk
    const wide = await AdDirectory.create(
      adConfig(d, { baseDns: [d.kioskOu, `CN=Users,${d.baseDn}`, d.baseDn] }),
      log,
      svcEnv(d),
    );
    expect((await wide.findUser('outsider'))?.id).toBe(USERS.outsider.dn);
    expect((await wide.findUser('a.janssen'))?.id).toBe(USERS.anna.dn); // overlapping bases: still exactly one
  });

  const hostile = [
    '*',
    ')(',
    '\\00',
    '\u0000',
    '*)(uid=*',
    '*)(|(sAMAccountName=*',
    'a.janssen)(|(x=*',
    'a.jans*',
    '*@kiosk.test',
    '(&)',
    '\\2a',
    'a'.repeat(300),
    'a'.repeat(100_000),
    'ánna.jänssen',
    '张伟',
    '\ud800',
    'a.janssen\u0000',
    '@kiosk.test',
    '\\',
  ];
  it.each(hostile.map((h) => [JSON.stringify(h).slice(0, 40), h]))(
    'injection/odd name %s → clean null',
    async (_label, name) => {
      await expect(ad.findUser(name)).resolves.toBeNull();
    },
  );

  it('logged no error and no warning other than the ones expected', () => {
    const unexpected = log.records().filter((l) => l.level === 'error');
    expect(unexpected).toEqual([]);
  });
});
