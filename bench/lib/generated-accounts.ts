// The lookup part's generated accounts: real, enabled users (givenName, sn, employeeID as the birthdate, mobile;
// objectSid, objectCategory and the rest from Samba's own dsdb modules), written with ldbadd from one LDIF straight
// into the DC's sam.ldb (as root, next to the running samba) in one transaction. `-o batch_mode:1` is what makes
// 20 000 take under a minute instead of tens of minutes: without it ldb opens a sub-transaction per record and
// copies every index list the record touches (objectClass, objectCategory, the OU's one-level index…), so each add
// costs O(accounts) and the whole run O(n²) — measured here: 1 000 → 3 000 accounts took 20 s without it, 3.2 s
// with it. Batch mode only drops the per-record rollback: one bad record fails the whole ldbadd, as it should.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { BenchUser } from './reset-client.js';
import type { Dc } from './samba.js';

const run = promisify(execFile);

/** Account i's sAMAccountName (g00042) and a UPN prefix that differs from it (gen.00042: the bvdberg case). */
export const sam = (i: number): string => `g${String(i).padStart(5, '0')}`;
export const upnPrefix = (i: number): string => `gen.${String(i).padStart(5, '0')}`;
const mobileOf = (i: number) => `+316${20_000_000 + i}`;

/** Generated account i as the load generator types it: the complete-reset part resets one of them. */
export const generatedUser = (i: number): BenchUser => ({
  username: sam(i),
  birthdate: '15-01-1980',
  mobile: mobileOf(i),
});

/** Adds accounts 0..count-1 in one ldbadd run, enabled, without a password yet (a reset sets one); returns ms. */
export async function provisionAccounts(dc: Dc, workDir: string, count: number): Promise<number> {
  const ldif = join(workDir, `accounts-${count}-${Date.now()}.ldif`);
  const records: string[] = [];
  for (let i = 0; i < count; i++) {
    records.push(
      `dn: CN=Gen ${String(i).padStart(5, '0')},${dc.kioskOu}\nobjectClass: user\nsAMAccountName: ${sam(i)}\n` +
        `userPrincipalName: ${upnPrefix(i)}@kiosk.test\ngivenName: Gen\nsn: Account${i}\nemployeeID: 1980-01-15\n` +
        `mobile: ${mobileOf(i)}\nuserAccountControl: 512\n`,
    );
  }
  writeFileSync(ldif, records.join('\n'));
  const started = performance.now();
  const samLdb = join(dc.dir, 'private', 'sam.ldb');
  const conf = `--configfile=${join(dc.dir, 'etc', 'smb.conf')}`;
  await run('ldbadd', ['--nosync', '-o', 'batch_mode:1', '-H', samLdb, conf, ldif], {
    timeout: 600_000,
    maxBuffer: 1 << 20,
  });
  return performance.now() - started;
}
