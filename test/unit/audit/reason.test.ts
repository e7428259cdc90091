// A servicedesk action's reason in the hash chain: written only when given, verified like every field (an edited
// reason breaks the chain), and forwarded to the SIEM as structured data.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { FileAuditSink } from '../../../src-main/audit/file-sink.js';
import { formatSyslog } from '../../../src-main/audit/syslog-format.js';
import { verifyAuditFile } from '../../../src-main/audit/verify.js';

it('a reason is chained and verified; lines without one are as before; an edit breaks the chain', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'rk-reason-')), 'audit.jsonl');
  const sink = await FileAuditSink.open(file, { host: 'web1' });
  await sink.record({ step: 'start', outcome: 'ok', user: 'a.janssen', client: 'kiosk-1' });
  const rec = await sink.record({
    step: 'admin',
    outcome: 'desk_unblock_verified',
    user: 'A.Janssen',
    client: 'desk:sd.demo',
    reason: 'Belde na nachtdienst',
  });
  await sink.close();
  const lines = readFileSync(file, 'utf8').trim().split('\n');
  expect(Object.keys(JSON.parse(lines[0]!) as object)).not.toContain('reason');
  expect(JSON.parse(lines[1]!)).toMatchObject({ reason: 'Belde na nachtdienst', client: 'desk:sd.demo' });
  expect(await verifyAuditFile(file)).toMatchObject({ ok: true, records: 2 });
  writeFileSync(file, `${lines[0]}\n${lines[1]!.replace('nachtdienst', 'dagdienst')}\n`);
  expect(await verifyAuditFile(file)).toMatchObject({ ok: false, line: 2 });
  expect(formatSyslog(rec, { facility: 10, enterpriseId: 32473, pid: 1 })).toContain('reason="Belde na nachtdienst"');
});
