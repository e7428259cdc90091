// The hash chain of the audit trail: each JSON line carries the hash of the line before it, so an edit, a removed
// line or a reordering breaks every hash after it. Shared by the writer (file-sink.ts) and the checker (verify.ts).
import { createHash } from 'node:crypto';
import type { AuditStep, AuditSubject } from '../core/ports/audit.js';

// Every step the core records; the checker refuses others. A Record, so the compiler flags a new AuditStep.
const STEPS: Record<AuditStep, true> = {
  start: true,
  identity: true,
  code_sent: true,
  code: true,
  password: true,
  unlock: true,
  cancel: true,
  admin: true,
};
export const AUDIT_STEPS = Object.keys(STEPS) as AuditStep[];

/** `prev` of the first line of a file: a fresh chain (first start, or after the admin rotated the file). */
export const GENESIS = '0'.repeat(64);

/** One line of the file. `user` is null when the step had no username; `host` says which web host wrote it. */
export type AuditRecord = {
  ts: string;
  seq: number;
  host: string;
  step: AuditStep;
  outcome: string;
  user: string | null;
  client: string;
  /** Only on servicedesk actions (the agent's typed reason); absent elsewhere, so older lines hash as before. */
  reason?: string;
  /** Admin events only (and only lines written since it exists): whom the action was about. */
  subject?: AuditSubject;
  prev: string;
  hash: string;
};

/** The order fields are written in; also the exact set of keys a valid line has. */
export const FIELDS = ['ts', 'seq', 'host', 'step', 'outcome', 'user', 'client', 'prev', 'hash'] as const;
/** Keys a valid line may have besides FIELDS. */
export const OPTIONAL_FIELDS = ['reason', 'subject'] as const;

/** JSON with sorted keys and no whitespace: the same record always hashes the same, whoever serialised it. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** sha256 over the previous line's hash followed by this record's canonical JSON (without its own hash). */
export function hashRecord(record: Omit<AuditRecord, 'hash'>): string {
  return createHash('sha256').update(record.prev).update(canonicalJson(record)).digest('hex');
}

/** Builds the next record of a chain; `prev`/`seq` come from the last line written. */
export function chainRecord(
  fields: Omit<AuditRecord, 'prev' | 'hash' | 'seq'>,
  last: { seq: number; hash: string },
): AuditRecord {
  const body = { ...fields, seq: last.seq + 1, prev: last.hash };
  const keys = [
    ...FIELDS.filter((k) => k !== 'hash' && k !== 'prev'),
    ...OPTIONAL_FIELDS.filter((k) => body[k] !== undefined),
    'prev',
  ] as const;
  const ordered = Object.fromEntries(keys.map((k) => [k, body[k]])) as Omit<AuditRecord, 'hash'>;
  return { ...ordered, hash: hashRecord(ordered) };
}
