// The audit file's hash chain: whatever is edited, removed, inserted or moved is found, at the right line.
import { mkdtempSync, readFileSync, writeFileSync, appendFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileAuditSink, AuditFileError } from '../../../src-main/audit/file-sink.js';
import { GENESIS, hashRecord, type AuditRecord } from '../../../src-main/audit/chain.js';
import { verifyAuditFile } from '../../../src-main/audit/verify.js';
import { auditVerifyCommand } from '../../../src-main/audit/command.js';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rk-audit-'));
  file = join(dir, 'audit.jsonl');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function writeTen(): Promise<string[]> {
  const sink = await FileAuditSink.open(file, { host: 'web-a' });
  for (let i = 0; i < 10; i++)
    await sink.record({ step: i % 2 ? 'identity' : 'start', outcome: 'ok', user: `user${i}`, client: '10.0.0.1' });
  await sink.close();
  return readFileSync(file, 'utf8').trimEnd().split('\n');
}
const rehash = (line: string) => {
  const { hash: _old, ...body } = JSON.parse(line) as AuditRecord;
  return JSON.stringify({ ...body, hash: hashRecord(body) });
};
const rewrite = (lines: string[]) => writeFileSync(file, lines.join('\n') + '\n');

describe('audit trail', () => {
  it('writes a chain that verifies, starting at the genesis hash', async () => {
    const lines = await writeTen();
    const first = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(Object.keys(first)).toEqual(['ts', 'seq', 'host', 'step', 'outcome', 'user', 'client', 'prev', 'hash']);
    expect(first).toMatchObject({ seq: 1, host: 'web-a', prev: GENESIS });
    expect((JSON.parse(lines[1]!) as { prev: string }).prev).toBe(first.hash);
    expect(await verifyAuditFile(file)).toMatchObject({ ok: true, records: 10, hosts: ['web-a'] });
  });

  it('continues the chain after a restart', async () => {
    await writeTen();
    const sink = await FileAuditSink.open(file, { host: 'web-a' });
    await sink.record({ step: 'cancel', outcome: 'ok', user: 'x', client: 'k1' });
    await sink.close();
    expect(await verifyAuditFile(file)).toMatchObject({ ok: true, records: 11 });
  });

  it('serialises concurrent appends: no interleaving, no forked chain', async () => {
    const sink = await FileAuditSink.open(file, { host: 'web-a' });
    await Promise.all(
      Array.from({ length: 500 }, (_, i) => sink.record({ step: 'start', outcome: 'ok', user: `u${i}`, client: 'c' })),
    );
    await sink.close();
    expect(await verifyAuditFile(file)).toMatchObject({ ok: true, records: 500 });
  });

  it.each([
    [
      'an edited field',
      (l: string[]) => {
        l[4] = l[4]!.replace('user4', 'user9');
      },
      5,
      /edited/,
    ],
    [
      'an edited outcome',
      (l: string[]) => {
        l[6] = l[6]!.replace('"ok"', '"denied"');
      },
      7,
      /edited/,
    ],
    [
      'an edit with its own hash recomputed',
      (l: string[]) => {
        l[4] = rehash(l[4]!.replace('user4', 'user9'));
      },
      6,
      /removed, inserted or moved/,
    ],
    [
      'a removed line',
      (l: string[]) => {
        l.splice(3, 1);
      },
      4,
      /removed/,
    ],
    [
      'two lines swapped',
      (l: string[]) => {
        [l[2], l[3]] = [l[3]!, l[2]!];
      },
      3,
      /removed, inserted or moved/,
    ],
    [
      'a line copied in again',
      (l: string[]) => {
        l.splice(5, 0, l[1]!);
      },
      6,
      /removed, inserted or moved/,
    ],
    [
      'the first lines cut off',
      (l: string[]) => {
        l.splice(0, 2);
      },
      1,
      /does not start a chain/,
    ],
    [
      'a blank line',
      (l: string[]) => {
        l.splice(8, 0, '');
      },
      9,
      /empty line/,
    ],
    [
      'a foreign field',
      (l: string[]) => {
        l[0] = l[0]!.replace('{', '{"note":"x",');
      },
      1,
      /unexpected: note/,
    ],
    [
      'garbage',
      (l: string[]) => {
        l[9] = 'not json';
      },
      10,
      /not valid JSON/,
    ],
  ])('finds %s and names the first bad line', async (_name, mutate, line, reason) => {
    const lines = await writeTen();
    mutate(lines);
    rewrite(lines);
    const result = await verifyAuditFile(file);
    expect(result).toMatchObject({ ok: false, line });
    expect(!result.ok && result.reason).toMatch(reason);
  });

  it('finds a torn last line, and refuses to append after it', async () => {
    await writeTen();
    appendFileSync(file, '{"ts":"2026-');
    expect(await verifyAuditFile(file)).toMatchObject({ ok: false, line: 11, reason: /incomplete/ });
    await expect(FileAuditSink.open(file, { host: 'web-a' })).rejects.toBeInstanceOf(AuditFileError);
  });

  it('audit:verify prints ✓/✗ and exits non-zero on a broken file', async () => {
    const lines = await writeTen();
    const out: string[] = [];
    expect(await auditVerifyCommand([file], undefined, (l) => out.push(l))).toBe(0);
    expect(out[0]).toMatch(/^✓ .*10 records/);
    lines.splice(4, 1);
    rewrite(lines);
    expect(await auditVerifyCommand([file], undefined, (l) => out.push(l))).toBe(1);
    expect(out[1]).toMatch(/^✗ .*line 5/);
  });

  it('audit:verify --config PATH checks the configured file, with {host} filled in', async () => {
    const sink = await FileAuditSink.open(join(dir, 'audit-kiosk-3.jsonl'), { host: 'kiosk-3' });
    await sink.record({ step: 'start', outcome: 'ok', user: 'a', client: 'c' });
    await sink.close();
    const config = join(dir, 'config.json');
    writeFileSync(config, JSON.stringify({ audit: { file: join(dir, 'audit-{host}.jsonl'), host: 'kiosk-3' } }));
    const out: string[] = [];
    expect(await auditVerifyCommand([], config, (l) => out.push(l))).toBe(0);
    expect(out[0]).toMatch(/audit-kiosk-3\.jsonl: 1 record, chain intact \(hosts: kiosk-3/);
  });
});
