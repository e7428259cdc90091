// `report usage …`: usage-command.ts. `report coverage --config PATH [--csv FILE] [--max N] [--page-size N]`: before switching the reset on, how many
// staff can use it — accounts, enabled, with a usable mobile, with a parsable birthdate, able to use it — over
// the configured base DNs (demo: the demo people). `--csv` writes, for HR, the usernames that cannot and what is
// missing (never the values), mode 0600.
import { openPrivate } from '../private-file.js';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/load.js';
import { mobileNormaliser } from '../sms/phone.js';
import { Coverage } from './coverage.js';

const USAGE =
  'usage: report coverage [--config PATH] [--csv FILE] [--max N (100000)] [--page-size N (500)]\n       report usage [--config PATH] [--since 30d] [--csv FILE]';

export async function reportCommand(
  argv: string[],
  out: (line: string) => void = console.log,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        config: { type: 'string' },
        csv: { type: 'string' },
        max: { type: 'string' },
        'page-size': { type: 'string' },
        since: { type: 'string' },
      },
    });
  } catch (e) {
    return (out(`${(e as Error).message}\n${USAGE}`), 2);
  }
  const { values: v, positionals } = parsed;
  if (positionals[0] === 'usage')
    return (await import('./usage-command.js')).usageCommand(
      argv.filter((a) => a !== 'usage'),
      out,
    );
  const max = Number(v.max ?? 100_000);
  const pageSize = Number(v['page-size'] ?? 500);
  if (
    positionals[0] !== 'coverage' ||
    !(Number.isInteger(max) && max > 0) ||
    !(Number.isInteger(pageSize) && pageSize > 0 && pageSize <= 1000)
  )
    return (out(USAGE), 2);
  const config = loadConfig(v.config);
  const coverage = new Coverage(
    mobileNormaliser({ defaultCountry: config.sms.defaultCountry, allowedCountries: config.sms.allowedCountries }),
  );
  let truncated = false;
  if (config.directory.type === 'ad') {
    ({ truncated } = await (
      await import('../directory/ad/index.js')
    ).forEachAdAccount(config.directory, env, { pageSize, max }, (a) => coverage.add(a)));
    out(`readiness of ${config.directory.baseDns.join('; ')}`);
  } else {
    const demo = (await import('../directory/demo.js')).DemoDirectory.load(config.directory.file);
    for (const u of demo.users().slice(0, max)) coverage.add({ ...u, protected: false });
    out('readiness of the embedded demo directory');
  }
  for (const line of coverage.lines()) out(`  ${line}`);
  if (truncated) out(`  stopped after ${max} accounts (--max): the counts are for those only`);
  if (v.csv) {
    // Like the outbox (private-file.ts): no symlink, no other user's or shared file, created 0600.
    let fh;
    try {
      fh = await openPrivate(v.csv, 'truncate', { private: true });
    } catch (e) {
      return (out(`  not written: ${(e as Error).message}`), 1);
    }
    try {
      await fh.writeFile(coverage.csv());
    } finally {
      await fh.close();
    }
    out(`  ${coverage.notReady.length} accounts that cannot use it, with what is missing: ${v.csv}`);
  }
  return 0;
}
