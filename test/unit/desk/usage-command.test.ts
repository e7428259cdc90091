// `report usage`: the figures from two hosts' audit files (a real hash chain each), on screen and as CSV.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { chainRecord, GENESIS, type AuditRecord } from '../../../src-main/audit/chain.js';
import { usageCommand } from '../../../src-main/report/usage-command.js';

function trail(file: string, host: string, lines: [string, AuditRecord['step'], string][]) {
  let last = { seq: 0, hash: GENESIS };
  const out = lines.map(([ago, step, outcome]) => {
    const rec = chainRecord(
      {
        ts: new Date(Date.now() - Number(ago) * 3_600_000).toISOString(),
        host,
        step,
        outcome,
        user: 'a.janssen',
        client: 'kiosk-1',
      },
      last,
    );
    last = rec;
    return JSON.stringify(rec);
  });
  writeFileSync(file, out.join('\n') + '\n');
}

it("counts every host's file, shows the cost and writes the CSV without names", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rk-usage-'));
  trail(join(dir, 'audit-web1.jsonl'), 'web1', [
    ['50', 'code_sent', 'ok'],
    ['50', 'password', 'ok'],
    ['40', 'identity', 'mobile_missing'],
  ]);
  trail(join(dir, 'audit-web2.jsonl'), 'web2', [
    ['30', 'code_sent', 'ok'],
    ['30', 'unlock', 'ok'],
    ['2000', 'password', 'ok'],
  ]);
  writeFileSync(
    join(dir, 'config.json'),
    JSON.stringify({ audit: { file: join(dir, 'audit-{host}.jsonl'), host: 'web1' }, desk: { smsPrice: 0.1 } }),
  );
  const lines: string[] = [];
  expect(
    await usageCommand(['--config', join(dir, 'config.json'), '--since', '30d', '--csv', join(dir, 'u.csv')], (l) =>
      lines.push(l),
    ),
  ).toBe(0);
  expect(lines.join('\n')).toContain('resets 1, unlocks 1, refusals 1');
  expect(lines.join('\n')).toContain('texts sent 2 (about 0.20 EUR)');
  expect(lines.join('\n')).toContain('no mobile 1');
  const csv = readFileSync(join(dir, 'u.csv'), 'utf8');
  expect(csv).not.toContain('janssen');
  const days = csv
    .split('\r\n\r\n')[0]!
    .split('\r\n')
    .slice(1)
    .map((r) => r.split(',').slice(1).map(Number));
  expect(days.reduce((a, r) => a.map((x, i) => x + r[i]!), [0, 0, 0, 0, 0])).toEqual([1, 1, 1, 2, 0]);
});
