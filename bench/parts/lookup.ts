// (6) Finding a person in 1 000 and in 20 000 accounts: the adapter's lookup (equality filters: sAMAccountName, or
// the UPN with each of the forest's suffixes) must not grow with the directory. The generated accounts are real,
// enabled users (givenName, sn, employeeID as birthdate, mobile; objectSid, objectCategory and the rest from
// Samba's own dsdb modules), written with ldbadd from one LDIF straight into the DC's sam.ldb (as root, next to
// the running samba) in one transaction. `-o batch_mode:1` is what makes 20 000 take seconds instead of tens of minutes:
// without it ldb opens a sub-transaction per record and copies every index list the record touches (objectClass,
// objectCategory, the OU's one-level index…), so each add costs O(accounts) and the whole run O(n²) — measured
// here: 1 000 → 3 000 accounts took 20 s without it, 3.2 s with it. Batch mode only drops the per-record rollback:
// one bad record fails the whole ldbadd, which is what we want. Half the lookups use the sAMAccountName (g00042),
// half a UPN prefix that differs from it (gen.00042, the bvdberg / bram.vandenberg case). On a bare ldapts connection
// at each size: the adapter's own filter (the DC's share of the lookup) and, for contrast, the previous release's
// `(userPrincipalName=name@*)`.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { AndFilter, EqualityFilter, OrFilter, SubstringFilter } from 'ldapts';
import { parseConfig } from '../../src-main/config/load.js';
import type { AdDirectoryConfig } from '../../src-main/config/directory.js';
import { silentLogger } from '../../src-main/core/ports/log.js';
import { AdDirectory } from '../../src-main/directory/ad/index.js';
import { readRootDse, readUpnSuffixes } from '../../src-main/directory/ad/root-dse.js';
import { BINARY_ATTRIBUTES, userAttributes, userFilter } from '../../src-main/directory/ad/user.js';
import type { BenchUser } from '../lib/reset-client.js';
import { ldapClient, type Dc } from '../lib/samba.js';
import { median, percentile } from '../lib/stats.js';
import { adHostConfig } from './stack-config.js';

const run = promisify(execFile);

export type LookupAtSize = {
  accounts: number;
  provisionMs: number;
  medianMs: number;
  p90Ms: number;
  substringMedianMs: number;
  /** The adapter's own filter and attributes on a bare connection: the DC's share of a lookup. */
  dcMedianMs: number;
};
export type Lookup = { sizes: LookupAtSize[]; ratio: number; substringRatio: number; dcRatio: number };

const sam = (i: number) => `g${String(i).padStart(5, '0')}`;
const upnPrefix = (i: number) => `gen.${String(i).padStart(5, '0')}`;
const mobileOf = (i: number) => `+316${20_000_000 + i}`;

/** Generated account i as the load generator types it: the complete-reset part resets one after provisioning. */
export const generatedUser = (i: number): BenchUser => ({
  username: sam(i),
  birthdate: '15-01-1980',
  mobile: mobileOf(i),
});

/** Adds generated accounts from..to-1 in one ldbadd run: enabled, without a password yet (a reset sets one). */
async function provision(dc: Dc, workDir: string, from: number, to: number): Promise<number> {
  const ldif = join(workDir, `accounts-${from}-${to}.ldif`);
  const records: string[] = [];
  for (let i = from; i < to; i++) {
    records.push(
      `dn: CN=Gen ${String(i).padStart(5, '0')},${dc.kioskOu}\nobjectClass: user\nsAMAccountName: ${sam(i)}\n` +
        `userPrincipalName: ${upnPrefix(i)}@kiosk.test\ngivenName: Gen\nsn: Account${i}\nemployeeID: 1980-01-15\n` +
        `mobile: ${mobileOf(i)}\nuserAccountControl: 512\n`,
    );
  }
  writeFileSync(ldif, records.join('\n'));
  const started = performance.now();
  await run(
    'ldbadd',
    [
      '--nosync',
      '-o',
      'batch_mode:1',
      '-H',
      join(dc.dir, 'private', 'sam.ldb'),
      `--configfile=${join(dc.dir, 'etc', 'smb.conf')}`,
      ldif,
    ],
    { timeout: 600_000, maxBuffer: 1 << 20 },
  );
  return performance.now() - started;
}

/** The lookup filter of the previous release, for contrast: a substring on the UPN, which Samba answers by scanning. */
const substringFilter = (name: string) =>
  new AndFilter({
    filters: [
      new EqualityFilter({ attribute: 'objectCategory', value: 'person' }),
      new EqualityFilter({ attribute: 'objectClass', value: 'user' }),
      new OrFilter({
        filters: [
          new EqualityFilter({ attribute: 'sAMAccountName', value: name }),
          new SubstringFilter({ attribute: 'userPrincipalName', initial: `${name}@` }),
        ],
      }),
    ],
  });

export async function measureLookup(
  dc: Dc,
  workDir: string,
  sizes: readonly number[],
  lookups: number,
): Promise<Lookup> {
  const config = parseConfig(adHostConfig(dc, join(workDir, 'unused-lookup.jsonl')).config)
    .directory as AdDirectoryConfig;
  const env = adHostConfig(dc, '').env;
  const results: LookupAtSize[] = [];
  let have = 0;
  for (const size of sizes) {
    const provisionMs = await provision(dc, workDir, have, size);
    have = size;
    const directory = await AdDirectory.create(config, silentLogger, env); // reads the UPN suffixes once
    const raw = ldapClient(dc);
    await raw.bind(dc.bindDn, dc.bindPassword);
    const suffixes = await readUpnSuffixes(raw, await readRootDse(raw));
    const ours: number[] = [];
    const before: number[] = [];
    const dcOnly: number[] = [];
    try {
      for (let n = -5; n < lookups; n++) {
        const i = Math.floor(Math.random() * size);
        const name = n % 2 === 0 ? sam(i) : upnPrefix(i);
        let t = performance.now();
        const user = await directory.findUser(name);
        const ms = performance.now() - t;
        if (user?.username !== sam(i))
          throw new Error(`lookup of ${name} at ${size} accounts found ${user?.username ?? 'nobody'}`);
        if (n >= 0 && n % 10 === 0) {
          // every tenth: at 20 000 accounts it takes half a second
          t = performance.now();
          await raw.search(dc.kioskOu, {
            scope: 'sub',
            filter: substringFilter(name),
            attributes: ['sAMAccountName'],
            sizeLimit: 2,
          });
          before.push(performance.now() - t);
        }
        t = performance.now();
        await raw.search(dc.kioskOu, {
          scope: 'sub',
          filter: userFilter(name, suffixes)!,
          attributes: userAttributes(config.attributes),
          explicitBufferAttributes: BINARY_ATTRIBUTES,
          sizeLimit: 2,
        });
        if (n < 0) continue; // the first 5: warm-up
        dcOnly.push(performance.now() - t);
        ours.push(ms);
      }
    } finally {
      await directory.close();
      await raw.unbind();
    }
    results.push({
      accounts: size,
      provisionMs,
      medianMs: median(ours),
      p90Ms: percentile(ours, 90),
      substringMedianMs: median(before),
      dcMedianMs: median(dcOnly),
    });
  }
  const [small, large] = [results[0]!, results.at(-1)!];
  return {
    sizes: results,
    ratio: large.medianMs / small.medianMs,
    substringRatio: large.substringMedianMs / small.substringMedianMs,
    dcRatio: large.dcMedianMs / small.dcMedianMs,
  };
}
