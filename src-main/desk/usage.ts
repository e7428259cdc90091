// How the service is used, for the manager: counted from the audit trail (every host's file), nothing personal
// kept — only counts per day, ISO week, hour and reason. Pure: records in, figures out (test/unit/desk/usage.test.ts).
import type { AuditRecord } from '../audit/chain.js';

/** Why people did not get through, grouped as the manager asks (issue 25). */
export const FAIL_REASONS = [
  'no_mobile',
  'wrong_birthdate',
  'no_birthdate',
  'unknown_or_disabled',
  'code_wrong',
  'code_not_entered',
  'blocked',
  'directory_error',
  'sms_error',
  'password_refused',
] as const;
export type FailReason = (typeof FAIL_REASONS)[number];

export type DayFigures = { resets: number; unlocks: number; refusals: number; sms: number; deskLifts: number };
export type UsageFigures = {
  since: string;
  until: string;
  totals: DayFigures & { starts: number; deskUnlocks: number; deskVerified: number; deskSignIns: number };
  days: ({ day: string } & DayFigures)[];
  weeks: ({ week: string } & DayFigures)[];
  reasons: Record<FailReason, number>;
  /** Wizard starts per hour of the day (local time), 0–23. */
  hours: number[];
  smsCost: number;
};

/** The reason an audit line counts as a refusal, or null when it is none. */
export function failReason(r: Pick<AuditRecord, 'step' | 'outcome'>): FailReason | null {
  const o = r.outcome;
  if (
    o === 'ok' ||
    o === 'session_expired' ||
    r.step === 'admin' ||
    r.step === 'cancel' ||
    r.step === 'start' ||
    o.startsWith('alert_')
  )
    return null;
  if (o.startsWith('mobile_')) return 'no_mobile';
  if (o === 'wrong_birthdate') return 'wrong_birthdate';
  if (o === 'no_birthdate_in_directory') return 'no_birthdate';
  if (o === 'unknown_user' || o === 'disabled') return 'unknown_or_disabled';
  if (
    o.startsWith('blocked') ||
    o.startsWith('sms_limit') ||
    o.startsWith('resend_too_soon') ||
    o === 'code_attempts_exceeded'
  )
    return 'blocked';
  if (/directory|unavailable|uncertain|rights/.test(o)) return 'directory_error';
  if (r.step === 'code_sent' && o.startsWith('failed_')) return 'sms_error';
  if (r.step === 'code') return 'code_wrong';
  if (r.step === 'password') return 'password_refused';
  return null;
}

const zero = (): DayFigures => ({ resets: 0, unlocks: 0, refusals: 0, sms: 0, deskLifts: 0 });
const pad = (n: number) => String(n).padStart(2, '0');

/** ISO 8601 week of a calendar date (Thursday rule), e.g. 2026-W49. */
export function isoWeek(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const thursday = new Date(d.getTime() + (3 - ((d.getUTCDay() + 6) % 7)) * 86_400_000);
  const jan1 = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  return `${thursday.getUTCFullYear()}-W${pad(1 + Math.floor((thursday.getTime() - jan1) / (7 * 86_400_000)))}`;
}

export type LocalTime = (ts: string) => { day: string; hour: number };
export const localClock: LocalTime = (ts) => {
  const d = new Date(ts);
  return { day: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`, hour: d.getHours() };
};

export function aggregateUsage(
  records: Iterable<Pick<AuditRecord, 'ts' | 'step' | 'outcome'>>,
  opts: { since: Date; until: Date; smsPrice: number; local?: LocalTime },
): UsageFigures {
  const local = opts.local ?? localClock;
  const days = new Map<string, DayFigures>();
  const reasons = Object.fromEntries(FAIL_REASONS.map((r) => [r, 0])) as Record<FailReason, number>;
  const hours = Array.from({ length: 24 }, () => 0);
  const totals = { ...zero(), starts: 0, deskUnlocks: 0, deskVerified: 0, deskSignIns: 0 };
  let codesSent = 0;
  let codesOk = 0;
  for (let t = opts.since.getTime(); t <= opts.until.getTime(); t += 86_400_000)
    days.set(local(new Date(t).toISOString()).day, zero());
  for (const r of records) {
    const at = Date.parse(r.ts);
    if (at < opts.since.getTime() || at > opts.until.getTime()) continue;
    const { day, hour } = local(r.ts);
    const d = days.get(day) ?? zero();
    days.set(day, d);
    const add = (k: keyof DayFigures) => {
      d[k] += 1;
      totals[k] += 1;
    };
    const o = r.outcome;
    if (r.step === 'start' && o === 'ok') {
      totals.starts += 1;
      hours[hour]! += 1;
    } else if (r.step === 'password' && o === 'ok') add('resets');
    else if (r.step === 'unlock' && o === 'ok') add('unlocks');
    else if (r.step === 'code_sent' && o === 'ok') {
      codesSent += 1;
      add('sms');
    } else if (r.step === 'code' && o === 'ok') codesOk += 1;
    else if (r.step === 'admin' && o === 'desk_verify_sent') add('sms');
    else if (r.step === 'admin' && o.startsWith('desk_unblock')) add('deskLifts');
    else if (r.step === 'admin' && /^desk_unlock_(verified|unverified)$/.test(o)) {
      totals.deskUnlocks += 1;
      add('deskLifts');
    } else if (r.step === 'admin' && o === 'desk_verify_verified') totals.deskVerified += 1;
    else if (r.step === 'admin' && o === 'desk_signin') totals.deskSignIns += 1;
    const why = failReason(r);
    if (why) {
      reasons[why] += 1;
      add('refusals');
    }
  }
  // A code sent but never answered right: the person gave up (or the text never came).
  reasons.code_not_entered = Math.max(0, codesSent - codesOk - reasons.code_wrong);
  const sorted = [...days.entries()].sort(([a], [b]) => a.localeCompare(b));
  const weeks = new Map<string, DayFigures>();
  for (const [day, f] of sorted) {
    const w = weeks.get(isoWeek(day)) ?? zero();
    for (const k of Object.keys(f) as (keyof DayFigures)[]) w[k] += f[k];
    weeks.set(isoWeek(day), w);
  }
  return {
    since: opts.since.toISOString(),
    until: opts.until.toISOString(),
    totals,
    days: sorted.map(([day, f]) => ({ day, ...f })),
    weeks: [...weeks.entries()].map(([week, f]) => ({ week, ...f })),
    reasons,
    hours,
    smsCost: Math.round(totals.sms * opts.smsPrice * 100) / 100,
  };
}

/** One row per day: the numbers of the charts, for a spreadsheet (no names, nothing to inject). */
export function usageCsv(u: UsageFigures): string {
  const rows = [
    'day,resets,unlocks,refusals,sms,desk_lifts',
    ...u.days.map((d) => `${d.day},${d.resets},${d.unlocks},${d.refusals},${d.sms},${d.deskLifts}`),
  ];
  rows.push('', 'reason,count', ...FAIL_REASONS.map((r) => `${r},${u.reasons[r]}`));
  rows.push('', 'hour,starts', ...u.hours.map((n, h) => `${pad(h)},${n}`));
  return rows.join('\r\n') + '\r\n';
}
