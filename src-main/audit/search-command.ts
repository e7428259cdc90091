// `audit:search [FILE…] [--config PATH] [--user NAME…] [--since 24h] [--until TIME] [--limit N]`: what happened
// to one person (or to everyone) on every host, one readable line per step, oldest first, each line proven by
// its file's hash chain. Exit code 1 when a file's chain is broken (its lines after the break are not shown).
import { parseArgs } from 'node:util';
import { loadConfig, readSecret } from '../config/load.js';
import { pseudonymiser } from '../core/pseudonym.js';
import { safe } from '../safe-text.js';
import { expandAuditPath } from './files.js';
import { parseSince, searchAudit, type AuditMatch } from './search.js';

const USAGE =
  'usage: audit:search [FILE…] [--config PATH] [--user NAME]… [--since 24h|7d|2026-11-25] [--until TIME] [--limit N]';

/** A step as the servicedesk says it. */
export const STEP_LABEL: Record<string, string> = {
  start: 'start',
  identity: 'birthdate',
  code_sent: 'SMS code',
  code: 'code',
  password: 'password',
  unlock: 'unlock',
  cancel: 'cancel',
  admin: 'admin',
};

/** Local time with its offset: the servicedesk reads it next to the wall clock, not in UTC. */
export function localTime(iso: string): string {
  const d = new Date(iso);
  const off = -d.getTimezoneOffset();
  const p = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');
  const zone = `${off < 0 ? '-' : '+'}${p(Math.trunc(off / 60))}:${p(off % 60)}`;
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}${zone}`;
}

/** One line per record; every value from outside made safe for a terminal (safe-text.ts). */
export function formatMatch(m: AuditMatch): string {
  const who = m.user === null ? '-' : m.typed ? `${safe(m.user)} (typed: ${safe(m.typed)})` : safe(m.user);
  const about = m.subject
    ? `  about: ${[m.subject.name && safe(m.subject.name), m.subject.account && `id ${safe(m.subject.account)}`, m.subject.typed && `typed ${safe(m.subject.typed)}`].filter(Boolean).join(', ')}`
    : '';
  return `${localTime(m.ts)}  ${safe(m.host)} #${m.seq}  ${safe(STEP_LABEL[m.step] ?? m.step).padEnd(9)} ${safe(m.outcome).padEnd(24)} ${who}  [${safe(m.client)}]${about}`;
}

export async function auditSearchCommand(
  argv: string[],
  out: (line: string) => void = console.log,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        config: { type: 'string' },
        user: { type: 'string', multiple: true },
        since: { type: 'string' },
        until: { type: 'string' },
        limit: { type: 'string' },
      },
    });
  } catch (e) {
    out(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values: v, positionals } = args;
  const pattern = v.config ? loadConfig(v.config).audit.file : undefined;
  if (v.config && !pattern) {
    out(`${v.config} has no audit.file: the audit trail is off`);
    return 2;
  }
  const files = positionals.length ? positionals : pattern ? await expandAuditPath(pattern) : [];
  const since = v.since === undefined ? undefined : parseSince(v.since);
  const until = v.until === undefined ? undefined : parseSince(v.until);
  const limit = v.limit === undefined ? 1000 : Number(v.limit);
  if (
    !files.length ||
    (v.since !== undefined && !since) ||
    (v.until !== undefined && !until) ||
    !(Number.isInteger(limit) && limit > 0)
  ) {
    out(files.length ? USAGE : `no audit files found${pattern ? ` for ${pattern}` : ''}\n${USAGE}`);
    return 2;
  }
  const key = readSecret('RESET_KIOSK_PSEUDONYM_KEY', env);
  const { matches, files: verdicts } = await searchAudit(files, {
    users: v.user ?? [],
    ...(since ? { since } : {}),
    ...(until ? { until } : {}),
    pseudonymise: key ? pseudonymiser(key) : undefined,
  });

  if (matches.length > limit) out(`… ${matches.length - limit} earlier matches not shown (--limit ${limit})`);
  for (const m of matches.slice(-limit)) out(formatMatch(m));
  out(
    `${matches.length} match${matches.length === 1 ? '' : 'es'} in ${files.length} file${files.length === 1 ? '' : 's'}${v.user?.length && !key ? ' (RESET_KIOSK_PSEUDONYM_KEY not set: attempts before the account was known are not linked to the name)' : ''}`,
  );
  let broken = 0;
  for (const { file, result } of verdicts) {
    if (result.ok) out(`✓ ${file}: ${result.records} records, chain intact`);
    else {
      broken++;
      out(
        `✗ ${safe(file)}: ${result.line > 0 ? `line ${result.line}` : 'cannot read'}: ${safe(result.reason)}. Lines after it are not shown: run audit:verify and compare with the backup.`,
      );
    }
  }
  return broken ? 1 : 0;
}
