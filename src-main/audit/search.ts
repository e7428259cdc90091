// Searching the audit trail of every host at once: each file is read through its hash chain (verify.ts), so a
// line shown is a line proven; matches from all files are merged in time order. A person is found under the
// account name the directory gave and under the keyed pseudonym of what was typed (core/pseudonym.ts), when
// the same RESET_KIOSK_PSEUDONYM_KEY is given (without it the pseudonyms cannot be linked to a name).
import { nameKey, normaliseUsername } from '../core/username.js';
import type { Pseudonymise } from '../core/pseudonym.js';
import type { AuditRecord } from './chain.js';
import { readVerified, type VerifyResult } from './verify.js';

export type AuditQuery = {
  /** Names as the servicedesk types them (`A.Janssen`, `a.janssen@zorg.nl`); none = everyone. */
  users?: string[];
  since?: Date;
  until?: Date;
  pseudonymise?: Pseudonymise | undefined;
};

export type AuditMatch = AuditRecord & {
  file: string;
  /** The name a pseudonym stood for, when it matched one. */ typed?: string;
};
export type AuditSearch = { matches: AuditMatch[]; files: { file: string; result: VerifyResult }[] };

/** `record.user` → the searched name it belongs to (for pseudonyms: the name typed), or undefined. */
export function userMatcher(users: string[], pseudonymise?: Pseudonymise): (user: string | null) => string | undefined {
  const wanted = new Map<string, string>();
  for (const typed of users) {
    const name = normaliseUsername(typed);
    if (!name) continue;
    wanted.set(nameKey(name), name); // account names are compared folded (core/fold.ts), as the budgets are
    if (pseudonymise) wanted.set(pseudonymise(name), name);
  }
  return (user) => (user === null ? undefined : (wanted.get(user) ?? wanted.get(nameKey(user))));
}

export async function searchAudit(files: string[], q: AuditQuery = {}): Promise<AuditSearch> {
  const match = q.users?.length ? userMatcher(q.users, q.pseudonymise) : undefined;
  const since = q.since?.getTime() ?? -Infinity;
  const until = q.until?.getTime() ?? Infinity;
  const matches: AuditMatch[] = [];
  const verdicts: AuditSearch['files'] = [];
  for (const file of files) {
    const reader = readVerified(file);
    let result: VerifyResult;
    try {
      for (let next = await reader.next(); ; next = await reader.next()) {
        if (next.done) {
          result = next.value;
          break;
        }
        const rec = next.value;
        const at = Date.parse(rec.ts);
        if (at < since || at > until) continue;
        // An admin line is found by whom it was about too (its subject), not only by the name in `user`.
        const who = match?.(rec.user) ?? match?.(rec.subject?.name ?? null) ?? match?.(rec.subject?.typed ?? null);
        if (match && who === undefined) continue;
        matches.push({
          ...rec,
          file,
          ...(who !== undefined && nameKey(who) !== nameKey(rec.user ?? '') ? { typed: who } : {}),
        });
      }
    } catch (e) {
      result = { ok: false, line: 0, reason: (e as Error).message, records: 0 };
    }
    verdicts.push({ file, result });
  }
  // Hosts' clocks are NTP-synchronised; within one host seq breaks a tie of equal timestamps.
  matches.sort((a, b) => a.ts.localeCompare(b.ts) || a.host.localeCompare(b.host) || a.seq - b.seq);
  return { matches, files: verdicts };
}

/** `24h`, `30m`, `7d` (before `now`) or a date/time (`2026-11-25`, `2026-11-25T08:00`); undefined when neither. */
export function parseSince(text: string, now = Date.now()): Date | undefined {
  const rel = /^(\d{1,5})([mhd])$/.exec(text.trim());
  if (rel)
    return new Date(now - Number(rel[1]) * { m: 60_000, h: 3_600_000, d: 86_400_000 }[rel[2] as 'm' | 'h' | 'd']);
  const t = text.trim();
  // A date alone means local midnight (Date.parse would take it as UTC), like a time without a zone does.
  const abs = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?)?(Z|[+-]\d{2}:\d{2})?$/.test(t)
    ? Date.parse(t.length === 10 ? `${t}T00:00` : t)
    : NaN;
  return Number.isNaN(abs) ? undefined : new Date(abs);
}
