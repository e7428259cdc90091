// `report usage [--config PATH] [--since 30d] [--csv FILE]`: the usage page's figures on the command line, from
// the audit trail of every host (audit.file's pattern): resets, unlocks, refusals and why, texts and their cost,
// busiest hours. Only counts: no name leaves here.
import { openPrivate } from '../private-file.js';
import { parseArgs } from 'node:util';
import { expandAuditPath } from '../audit/files.js';
import { parseSince } from '../audit/search.js';
import { loadConfig } from '../config/load.js';
import { usageFromAudit } from '../desk/usage-source.js';
import { FAIL_REASONS, usageCsv } from '../desk/usage.js';

const USAGE = 'usage: report usage [--config PATH] [--since 30d | DATE] [--csv FILE]';

export async function usageCommand(argv: string[], out: (line: string) => void = console.log): Promise<number> {
  let v;
  try {
    v = parseArgs({
      args: argv,
      options: { config: { type: 'string' }, since: { type: 'string' }, csv: { type: 'string' } },
    }).values;
  } catch (e) {
    return (out(`${(e as Error).message}\n${USAGE}`), 2);
  }
  const since = parseSince(v.since ?? '30d');
  if (!since) return (out(USAGE), 2);
  const config = loadConfig(v.config);
  if (!config.audit.file) return (out('the audit trail is off (audit.file): there is nothing to count'), 1);
  const u = await usageFromAudit(await expandAuditPath(config.audit.file), {
    since,
    until: new Date(),
    smsPrice: config.desk.smsPrice,
  });
  const t = u.totals;
  out(`usage since ${since.toLocaleString()} (${u.days.length} days, audit files of every host)`);
  out(`  resets ${t.resets}, unlocks ${t.unlocks}, refusals ${t.refusals}, wizard starts ${t.starts}`);
  out(`  texts sent ${t.sms}${config.desk.smsPrice ? ` (about ${u.smsCost.toFixed(2)} ${config.desk.currency})` : ''}`);
  out(
    `  servicedesk: ${t.deskLifts} blocks lifted or accounts unlocked, ${t.deskVerified} callers verified, ${t.deskSignIns} sign-ins`,
  );
  out(
    `  why people did not get through: ${
      FAIL_REASONS.filter((r) => u.reasons[r])
        .map((r) => `${r.replaceAll('_', ' ')} ${u.reasons[r]}`)
        .join(', ') || 'nothing'
    }`,
  );
  const busiest = u.hours
    .map((n, h) => [h, n] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .filter(([, n]) => n > 0);
  if (busiest.length)
    out(`  busiest hours: ${busiest.map(([h, n]) => `${String(h).padStart(2, '0')}:00 (${n})`).join(', ')}`);
  for (const w of u.weeks)
    out(`  ${w.week}: resets ${w.resets}, unlocks ${w.unlocks}, refusals ${w.refusals}, texts ${w.sms}`);
  for (const f of u.unreadable) out(`  WARNING: ${f} does not verify (audit:verify); counted up to the first bad line`);
  if (v.csv) {
    // Like the coverage CSV (private-file.ts): no symlink, no other user's or shared file, created 0600.
    const fh = await openPrivate(v.csv, 'truncate', { private: true }).catch((e: Error) => e);
    if (fh instanceof Error) return (out(`  not written: ${fh.message}`), 1);
    await fh.writeFile(usageCsv(u)).finally(() => fh.close());
    out(`  per day, per reason and per hour: ${v.csv}`);
  }
  return 0;
}
