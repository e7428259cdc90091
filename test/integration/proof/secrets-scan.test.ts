// After a busy run through the web host — a full reset, the usual mistakes, a resend, a reused password and a
// directory fault — neither the log (pino, as written) nor the audit trail holds a code, a password, the phone
// number or a birthdate, in any form they were typed or stored, not even before the logger's redaction. 0 hits.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ANNA, ELEONORE } from '../../helpers/demo-users.js';
import { captureLog } from '../../helpers/log-capture.js';
import { webHost } from '../../helpers/web-host.js';

const PASSWORDS = ['Winter#Sneeuw-2031', 'Zomer#Strand-2032', 'weak', 'Mismatch#One-1', 'Mismatch#Two-2'];
const PHONE = ['+31612345678', '+31 6 12345678', '0612345678', '06 12345678', '612345678', '12345678'];
const BIRTHDATES = [
  '01-10-1984',
  '1-10-1984',
  '01/10/1984',
  '1984-10-01',
  '19841001',
  '02-10-1984',
  '30-11-1995',
  '1995-11-30',
];

it('logs and audit trail hold no code, password, phone number or birthdate after a full run', async () => {
  const captured = captureLog();
  const auditDir = mkdtempSync(join(tmpdir(), 'rk-scan-'));
  const auditFile = join(auditDir, 'audit.jsonl');
  let clock = Date.now();
  const host = await webHost({
    log: captured,
    config: { audit: { file: auditFile, host: 'scan' } },
    overrides: { now: () => clock },
  });

  // A wrong birthdate, then a right one in another notation; a wrong code; a resend; the right code.
  const { sessionId: sid } = await host.walkTo('identity', { ...ANNA, username: 'PANTEIN\\A.Janssen' });
  await host.post('verifyIdentity', { sessionId: sid, birthdate: '02-10-1984' });
  await host.post('verifyIdentity', { sessionId: sid, birthdate: '1-10-1984' });
  const codes = [host.lastCode()];
  await host.post('verifyCode', { sessionId: sid, code: codes[0] === '000001' ? '000002' : '000001' });
  clock += 31_000;
  await host.post('resendCode', { sessionId: sid });
  codes.push(host.lastCode());
  await host.post('verifyCode', { sessionId: sid, code: `${codes[1]!.slice(0, 3)} ${codes[1]!.slice(3)}` });
  // Password mistakes, then the reset; then the same password again (history), then a directory fault.
  await host.post('setPassword', { sessionId: sid, password: 'weak', repeat: 'weak' });
  await host.post('setPassword', { sessionId: sid, password: 'Mismatch#One-1', repeat: 'Mismatch#Two-2' });
  await host.post('setPassword', { sessionId: sid, password: PASSWORDS[0], repeat: PASSWORDS[0] });
  const { sessionId: again } = await host.walkTo('password', { ...ANNA, birthdate: '01/10/1984' });
  codes.push(host.lastCode());
  await host.post('setPassword', { sessionId: again, password: PASSWORDS[0], repeat: PASSWORDS[0] }); // history
  await host.post('setPassword', { sessionId: again, password: PASSWORDS[1], repeat: PASSWORDS[1] });
  const other = await host.walkTo('identity', ELEONORE);
  host.directory.findUser = () => Promise.reject(new Error('connect ECONNREFUSED 10.0.0.10:636')); // an unexpected fault: logged in full
  await host.post('verifyIdentity', { sessionId: other.sessionId, birthdate: ELEONORE.birthdate });
  await host.stop();

  // Timestamps and hash fields are digits and hex by nature: a six-digit code could occur in them by chance.
  const scrub = (line: string) => {
    const { time: _t, hash: _h, prev: _p, ts: _ts, ...rest } = JSON.parse(line) as Record<string, unknown>;
    return JSON.stringify(rest);
  };
  // As written (pino, after redaction) and as handed to the logger (before it): neither may hold a secret.
  const log = [...captured.lines, ...captured.records().map((r) => JSON.stringify(r))].map(scrub).join('\n');
  const audit = readFileSync(auditFile, 'utf8').trim().split('\n').map(scrub).join('\n');
  rmSync(auditDir, { recursive: true, force: true });

  expect(captured.lines.length).toBeGreaterThan(20); // the run did log: requests, refusals, the code sends, the fault
  expect(log).toContain('A.Janssen'); // the scan sees the content: who is logged, just not their secrets
  expect(log).toContain('ECONNREFUSED');
  expect(audit).toContain('"outcome":"history"');
  const secrets = [...codes, ...PASSWORDS, ...PHONE, ...BIRTHDATES];
  const hits = secrets.flatMap((secret) =>
    [log.includes(secret) ? `log: ${secret}` : [], audit.includes(secret) ? `audit: ${secret}` : []].flat(),
  );
  expect(hits).toEqual([]);
});
