// (6) Finding a person in 1 000 and in 20 000 accounts: the adapter's lookup (equality filters: sAMAccountName, or
// the UPN with each of the forest's suffixes) must not grow with the directory. Each size gets its own DC (the
// largest is the run's DC, on which the resets follow) and the lookups alternate between them, so a change in the
// shared machine's load hits every size alike. Half the lookups use the sAMAccountName, half the UPN prefix that
// differs from it (bench/lib/generated-accounts.ts). On a bare ldapts connection at each size: the adapter's own
// filter (the DC's share of the lookup) and, for contrast, the previous release's `(userPrincipalName=name@*)`.
import { AndFilter, EqualityFilter, OrFilter, SubstringFilter, type Client } from 'ldapts';
import { join } from 'node:path';
import { parseConfig } from '../../src-main/config/load.js';
import type { AdDirectoryConfig } from '../../src-main/config/directory.js';
import { silentLogger } from '../../src-main/core/ports/log.js';
import { AdDirectory } from '../../src-main/directory/ad/index.js';
import { readRootDse, readUpnSuffixes } from '../../src-main/directory/ad/root-dse.js';
import { BINARY_ATTRIBUTES, userAttributes, userFilter } from '../../src-main/directory/ad/user.js';
import { provisionAccounts, sam, upnPrefix } from '../lib/generated-accounts.js';
import { ldapClient, startDc, stopDc, type Dc } from '../lib/samba.js';
import { median, percentile } from '../lib/stats.js';
import { adHostConfig } from './stack-config.js';

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

type Probe = {
  size: number;
  dc: Dc;
  directory: AdDirectory;
  raw: Client;
  suffixes: string[];
  config: AdDirectoryConfig;
};
type Times = { ours: number[]; dcOnly: number[]; substring: number[] };

async function openProbe(dc: Dc, size: number, workDir: string): Promise<Probe> {
  const host = adHostConfig(dc, join(workDir, 'unused-lookup.jsonl'));
  const config = parseConfig(host.config).directory as AdDirectoryConfig;
  const directory = await AdDirectory.create(config, silentLogger, host.env); // reads the UPN suffixes once
  const raw = ldapClient(dc);
  await raw.bind(dc.bindDn, dc.bindPassword);
  return { size, dc, directory, raw, suffixes: await readUpnSuffixes(raw, await readRootDse(raw)), config };
}

/** One lookup through the adapter and the same search bare; the substring filter every tenth (0.5 s at 20 000). */
async function lookupOnce(p: Probe, n: number, into: Times): Promise<void> {
  const i = Math.floor(Math.random() * p.size);
  const name = n % 2 === 0 ? sam(i) : upnPrefix(i);
  let t = performance.now();
  const user = await p.directory.findUser(name);
  const ms = performance.now() - t;
  if (user?.username !== sam(i)) throw new Error(`lookup of ${name} in ${p.size} found ${user?.username ?? 'nobody'}`);
  t = performance.now();
  const { config } = p;
  const [attributes, filter] = [userAttributes(config.attributes), userFilter(name, p.suffixes)!];
  await p.raw.search(p.dc.kioskOu, {
    scope: 'sub',
    filter,
    attributes,
    explicitBufferAttributes: BINARY_ATTRIBUTES,
    sizeLimit: 2,
  });
  if (n < 0) return; // warm-up
  into.dcOnly.push(performance.now() - t);
  into.ours.push(ms);
  if (n % 10 !== 0) return;
  t = performance.now();
  await p.raw.search(p.dc.kioskOu, {
    scope: 'sub',
    filter: substringFilter(name),
    attributes: ['sAMAccountName'],
    sizeLimit: 2,
  });
  into.substring.push(performance.now() - t);
}

export async function measureLookup(
  dc: Dc,
  workDir: string,
  sizes: readonly number[],
  lookups: number,
): Promise<Lookup> {
  const sorted = [...sizes].sort((a, b) => a - b);
  const extra: Dc[] = [];
  const probes: Probe[] = [];
  const provisionMs: number[] = [];
  const times: Times[] = sorted.map(() => ({ ours: [], dcOnly: [], substring: [] }));
  try {
    for (const [k, size] of sorted.entries()) {
      const own = k === sorted.length - 1 ? dc : await startDc();
      if (own !== dc) extra.push(own);
      provisionMs.push(await provisionAccounts(own, workDir, size));
      probes.push(await openProbe(own, size, workDir));
    }
    for (let n = -5; n < lookups; n++)
      for (const k of n % 2 ? probes.keys() : [...probes.keys()].reverse()) await lookupOnce(probes[k]!, n, times[k]!);
  } finally {
    for (const p of probes) await Promise.all([p.directory.close(), p.raw.unbind()]);
    for (const d of extra) await stopDc(d);
  }
  const results: LookupAtSize[] = sorted.map((accounts, k) => ({
    accounts,
    provisionMs: provisionMs[k]!,
    medianMs: median(times[k]!.ours),
    p90Ms: percentile(times[k]!.ours, 90),
    substringMedianMs: median(times[k]!.substring),
    dcMedianMs: median(times[k]!.dcOnly),
  }));
  const [small, large] = [results[0]!, results.at(-1)!];
  return {
    sizes: results,
    ratio: large.medianMs / small.medianMs,
    substringRatio: large.substringMedianMs / small.substringMedianMs,
    dcRatio: large.dcMedianMs / small.dcMedianMs,
  };
}
