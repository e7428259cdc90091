// The usage page's inputs: the audit trail of every host (read through its hash chain, audit/search.ts) and the
// coverage report's figures (report/coverage.ts: who cannot use the reset yet), read at most every 10 minutes.
import { searchAudit } from '../audit/search.js';
import type { Config } from '../config/schema.js';
import { Coverage } from '../report/coverage.js';
import { mobileNormaliser } from '../sms/phone.js';
import { aggregateUsage, type UsageFigures } from './usage.js';

export type CoverageFigures = {
  accounts: number;
  enabled: number;
  usableMobile: number;
  parsableBirthdate: number;
  ready: number;
};

export async function coverageFigures(config: Config, env: NodeJS.ProcessEnv): Promise<CoverageFigures> {
  const coverage = new Coverage(
    mobileNormaliser({ defaultCountry: config.sms.defaultCountry, allowedCountries: config.sms.allowedCountries }),
  );
  if (config.directory.type === 'ad') {
    await (
      await import('../directory/ad/index.js')
    ).forEachAdAccount(config.directory, env, { pageSize: 500, max: 100_000 }, (a) => coverage.add(a));
  } else {
    const demo = (await import('../directory/demo.js')).DemoDirectory.load(config.directory.file);
    for (const u of demo.users()) coverage.add({ ...u, protected: false });
  }
  const { accounts, enabled, usableMobile, parsableBirthdate, ready } = coverage;
  return { accounts, enabled, usableMobile, parsableBirthdate, ready };
}

export async function usageFromAudit(
  files: string[],
  opts: { since: Date; until: Date; smsPrice: number },
): Promise<UsageFigures & { unreadable: string[] }> {
  const { matches, files: verdicts } = await searchAudit(files, { since: opts.since, until: opts.until });
  return { ...aggregateUsage(matches, opts), unreadable: verdicts.filter((v) => !v.result.ok).map((v) => v.file) };
}

/** Coverage read once per `ttlMs` (a scan of the directory is not for every page view). */
export function cachedCoverage(
  read: () => Promise<CoverageFigures>,
  ttlMs = 10 * 60_000,
): () => Promise<CoverageFigures | null> {
  let cached: { at: number; value: CoverageFigures } | undefined;
  return async () => {
    if (cached && Date.now() - cached.at < ttlMs) return cached.value;
    try {
      cached = { at: Date.now(), value: await read() };
      return cached.value;
    } catch {
      return null;
    }
  };
}
