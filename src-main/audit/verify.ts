// Checks an audit file line by line: every line well-formed, its hash right, its `prev` equal to the hash of
// the line before, `seq` counting up from 1. An edited, removed, inserted or reordered line breaks the chain at
// that line, which is reported. (Cutting lines off the END cannot be seen from the file alone: compare the last
// hash with one kept elsewhere, e.g. the one this prints, noted in the change log.)
// `readVerified` yields each record once it is proven, so `audit:search` reads and checks in one pass.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { AUDIT_STEPS, FIELDS, GENESIS, OPTIONAL_FIELDS, hashRecord, type AuditRecord } from './chain.js';

export type VerifyResult =
  | { ok: true; records: number; lastHash: string; hosts: string[] }
  | { ok: false; line: number; reason: string; records: number };

const HEX64 = /^[0-9a-f]{64}$/;

const isSubject = (s: unknown): boolean =>
  typeof s === 'object' &&
  s !== null &&
  !Array.isArray(s) &&
  Object.entries(s).every(([k, v]) => ['account', 'name', 'typed'].includes(k) && typeof v === 'string');

/** Why this parsed line is not a well-formed record, or null when it is. */
function malformed(rec: unknown): string | null {
  if (typeof rec !== 'object' || rec === null || Array.isArray(rec)) return 'not a JSON object';
  const keys = Object.keys(rec);
  const missing = FIELDS.filter((k) => !keys.includes(k));
  const extra = keys.filter(
    (k) => !(FIELDS as readonly string[]).includes(k) && !(OPTIONAL_FIELDS as readonly string[]).includes(k),
  );
  if (missing.length || extra.length)
    return `wrong fields (missing: ${missing.join(',') || '-'}; unexpected: ${extra.join(',') || '-'})`;
  const r = rec as Record<string, unknown>;
  if (!Number.isSafeInteger(r.seq)) return 'seq is not an integer';
  if (typeof r.ts !== 'string' || Number.isNaN(Date.parse(r.ts))) return 'ts is not a time';
  if (!(AUDIT_STEPS as readonly unknown[]).includes(r.step)) return 'unknown step';
  for (const k of ['host', 'outcome', 'client'] as const) if (typeof r[k] !== 'string') return `${k} is not a string`;
  if (r.user !== null && typeof r.user !== 'string') return 'user is not a string or null';
  if ('reason' in r && typeof r.reason !== 'string') return 'reason is not a string';
  if (r.subject !== undefined && !isSubject(r.subject)) return 'subject is not {account, name, typed} strings';
  if (typeof r.prev !== 'string' || !HEX64.test(r.prev) || typeof r.hash !== 'string' || !HEX64.test(r.hash))
    return 'prev/hash is not a sha256';
  return null;
}

/**
 * Yields every record of the file whose chain holds up to and including it; returns the verdict. Reading
 * stops at the first bad line: nothing after it can be trusted.
 */
export async function* readVerified(path: string): AsyncGenerator<AuditRecord, VerifyResult> {
  let prev = GENESIS;
  let n = 0;
  const hosts = new Set<string>();
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  const bad = (reason: string): VerifyResult => ({ ok: false, line: n, reason, records: n - 1 });
  try {
    for await (const line of lines) {
      n++;
      if (line === '') return bad('empty line');
      let rec: unknown;
      try {
        rec = JSON.parse(line);
      } catch {
        return bad('not valid JSON');
      }
      const problem = malformed(rec);
      if (problem) return bad(problem);
      const { hash, ...body } = rec as AuditRecord;
      if (body.prev !== prev)
        return bad(
          n === 1
            ? 'does not start a chain (lines before it were removed?)'
            : 'prev does not match the line before (a line was removed, inserted or moved)',
        );
      if (body.seq !== n) return bad(`seq is ${body.seq}, expected ${n} (a line was removed, inserted or moved)`);
      if (hashRecord(body) !== hash) return bad('hash does not match the content (the line was edited)');
      prev = hash;
      hosts.add(body.host);
      yield rec as AuditRecord;
    }
  } finally {
    lines.close();
  }
  if (n > 0 && !(await endsWithNewline(path)))
    return { ok: false, line: n, reason: 'incomplete last line (no newline)', records: n - 1 };
  return { ok: true, records: n, lastHash: prev, hosts: [...hosts] };
}

export async function verifyAuditFile(path: string): Promise<VerifyResult> {
  const reader = readVerified(path);
  for (;;) {
    const next = await reader.next();
    if (next.done) return next.value;
  }
}

async function endsWithNewline(path: string): Promise<boolean> {
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    const buf = Buffer.alloc(1);
    await fh.read(buf, 0, 1, size - 1);
    return buf[0] === 0x0a;
  } finally {
    await fh.close();
  }
}
