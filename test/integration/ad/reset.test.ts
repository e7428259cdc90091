// resetPassword against a real Samba AD DC: the new password binds and the old one no longer does, a locked
// account is unlocked in the same atomic modify, policy refusals change nothing, and the service account's
// least privilege holds (Reset Password + write lockoutTime/pwdLastSet on OU=Kiosk only).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Attribute, Change } from 'ldapts';
import { resetOutcomeFor } from '../../../src-main/directory/ad/errors.js';
import { AdDirectory } from '../../../src-main/directory/ad/directory.js';
import {
  POLICY_HINTS_DEPRECATED_OID,
  POLICY_HINTS_OID,
  PolicyHintsControl,
} from '../../../src-main/directory/ad/policy-hints.js';
import { useDc } from './dc.js';
import { USERS, adConfig, addUser, bindAs, lockOut, rawClient, readAttributes, svcEnv } from './fixtures.js';
import { captureLog } from '../../helpers/log-capture.js';

const dc = await useDc();

describe.skipIf(!dc)('AD resetPassword (Samba AD DC)', () => {
  const d = dc!;
  let ad: AdDirectory;
  const log = captureLog();
  const keep = { mustChangeAtNextLogon: false };

  beforeAll(async () => {
    ad = await AdDirectory.create(adConfig(d), log, svcEnv(d));
  });
  afterAll(() => ad?.close());

  it('sets the password: the user binds with the new one and not with the old one', async () => {
    const user = (await ad.findUser('a.janssen'))!;
    expect(await ad.resetPassword(user, 'Nieuw#Wachtwoord-1', keep)).toEqual({ ok: true });
    expect(await bindAs(d, USERS.anna.dn, 'Nieuw#Wachtwoord-1')).toBe('ok');
    expect(await bindAs(d, USERS.anna.dn, USERS.anna.password)).toBe('52e');
  });

  it('unlocks a locked account (5 bad binds) in the same modify', async () => {
    const dn = await addUser(d, { cn: 'Lotte Locked', sam: 'llocked', password: 'Locked#Pass-1' });
    await lockOut(d, dn);
    expect(await bindAs(d, dn, 'Locked#Pass-1')).toBe('775');
    const user = (await ad.findUser('llocked'))!;
    expect(await ad.resetPassword(user, 'Unlocked#Pass-2', keep)).toEqual({ ok: true });
    expect(await bindAs(d, dn, 'Unlocked#Pass-2')).toBe('ok');
    expect(await readAttributes(d, dn, ['lockoutTime'])).toMatchObject({ lockoutTime: '0' });
  });

  it('maps too short and not complex to policy, and changes nothing (a locked user stays locked)', async () => {
    const dn = await addUser(d, { cn: 'Piet Policy', sam: 'ppolicy', password: 'Policy#Pass-1' });
    await lockOut(d, dn);
    const user = (await ad.findUser('ppolicy'))!;
    for (const weak of ['Kort#1', 'alleenkleineletters', 'ALLEENHOOFDLETTERS', '12345678901']) {
      expect(await ad.resetPassword(user, weak, keep), weak).toEqual({ ok: false, reason: 'policy' });
    }
    expect(await bindAs(d, dn, 'Policy#Pass-1')).toBe('775'); // still locked: the unlock failed with the password
    expect(await ad.resetPassword(user, 'Policy#Pass-2', keep)).toEqual({ ok: true });
    expect(await bindAs(d, dn, 'Policy#Pass-2')).toBe('ok');
  });

  it('forces a change at next logon only when asked (pwdLastSet 0 → bind answers 773)', async () => {
    const user = (await ad.findUser('jdoe'))!;
    expect(await ad.resetPassword(user, 'Change#Me-Soon1', { mustChangeAtNextLogon: true })).toEqual({ ok: true });
    expect(await bindAs(d, USERS.jdoe.dn, 'Change#Me-Soon1')).toBe('773');
    expect(await ad.resetPassword(user, 'Change#Me-Soon2', keep)).toEqual({ ok: true });
    expect(await bindAs(d, USERS.jdoe.dn, 'Change#Me-Soon2')).toBe('ok');
  });

  it('least privilege: AD itself refuses outsider (CN=Users) and Administrator → rights', async () => {
    // Domain-wide base DN, so the adapter lets the request through and the DC's ACL decides.
    const wide = await AdDirectory.create(adConfig(d, { baseDns: [d.baseDn] }), log, svcEnv(d));
    const outsider = (await wide.findUser('outsider'))!;
    const admin = (await wide.findUser('administrator'))!;
    expect(admin.id).toBe(d.adminDn);
    for (const user of [outsider, admin]) {
      const outcome = await wide.resetPassword(user, 'Stolen#Account-1', keep);
      expect(outcome).toMatchObject({ ok: false, reason: 'rights' });
      expect(outcome.ok === false && 'detail' in outcome && outcome.detail).toMatch(/LDAP 50 .*insufficient access/);
    }
    expect(await bindAs(d, USERS.outsider.dn, USERS.outsider.password)).toBe('ok');
    expect(await bindAs(d, d.adminDn, d.adminPassword)).toBe('ok');
    expect(log.records().some((l) => l.level === 'error' && /refused/.test(l.msg ?? ''))).toBe(true);
    // The same user in OU=Kiosk is fine for that configuration.
    expect(await wide.resetPassword((await wide.findUser('asmith'))!, 'Wide#Scope-Ok1', keep)).toEqual({ ok: true });
  });

  it('refuses a DN outside the configured base DNs without asking the DC', async () => {
    const outcome = await ad.resetPassword({ id: d.adminDn, username: 'Administrator' }, 'Stolen#Account-2', keep);
    expect(outcome).toMatchObject({ ok: false, reason: 'rights' });
  });

  it('reports that Samba cannot enforce history on reset, once, as a warning', async () => {
    expect(ad.enforcesHistory).toBe(false);
    expect((await ad.probe()).policyHintsOid).toBeNull();
    const warnings = log.records().filter((l) => l.level === 'warn' && /POLICY_HINTS/.test(l.msg ?? ''));
    expect(warnings.length).toBeGreaterThanOrEqual(1);
    // Samba accepts an admin reset to a recent password: this is exactly what the warning is about.
    const user = (await ad.findUser('a.janssen'))!;
    expect(await ad.resetPassword(user, 'Nieuw#Wachtwoord-1', keep)).toEqual({ ok: true });
  });

  it('the policy hints control is well-formed on the wire: Samba parses it, refuses it critical (→ unavailable), ignores it otherwise', async () => {
    const dn = await addUser(d, { cn: 'Hanna Hints', sam: 'hhints', password: 'Hints#Pass-1' });
    const change = (pw: string) =>
      new Change({
        operation: 'replace',
        modification: new Attribute({ type: 'unicodePwd', values: [Buffer.from(`"${pw}"`, 'utf16le')] }),
      });
    const client = rawClient(d);
    try {
      await client.bind(d.bindDn, d.bindPassword);
      for (const oid of [POLICY_HINTS_OID, POLICY_HINTS_DEPRECATED_OID]) {
        const err = await client
          .modify(dn, change('Hints#Pass-2'), new PolicyHintsControl(oid))
          .catch((e: unknown) => e);
        expect(err).toMatchObject({ code: 12 }); // unavailableCriticalExtension: what a DC without it answers
        expect(resetOutcomeFor(err)).toMatchObject({ ok: false, reason: 'unavailable' });
      }
      expect(await bindAs(d, dn, 'Hints#Pass-1')).toBe('ok'); // nothing changed
      await client.modify(dn, change('Hints#Pass-3'), new PolicyHintsControl(POLICY_HINTS_OID, false));
      expect(await bindAs(d, dn, 'Hints#Pass-3')).toBe('ok');
    } finally {
      await client.unbind();
    }
  });

  it('resets over StartTLS (ldap:// + startTls) as well', async () => {
    const tls = await AdDirectory.create(adConfig(d, { urls: [d.urlStartTls], startTls: true }), log, svcEnv(d));
    const user = (await tls.findUser('asmith'))!;
    expect(await tls.resetPassword(user, 'Start#Tls-Reset1', keep)).toEqual({ ok: true });
    expect(await bindAs(d, USERS.asmith.dn, 'Start#Tls-Reset1')).toBe('ok');
  });

  it('never logs a password', () => {
    const text = log.text();
    for (const pw of [
      'Nieuw#Wachtwoord-1',
      'Unlocked#Pass-2',
      'Kort#1',
      'Stolen#Account-1',
      'Start#Tls-Reset1',
      d.bindPassword,
    ]) {
      expect(text).not.toContain(pw);
    }
  });
});
