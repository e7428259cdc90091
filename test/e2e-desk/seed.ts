// A fixed week in the audit trail (a real hash chain), days before today, for the usage page: per day 3 resets,
// 1 unlock, refusals of several kinds; the figures the spec expects follow from these lines.
import { writeFileSync } from 'node:fs';
import { chainRecord, GENESIS, type AuditRecord } from '../../src-main/audit/chain.js';

const DAY = 86_400_000;
type Line = [step: AuditRecord['step'], outcome: string];
const PER_DAY: Line[] = [
  ['start', 'ok'],
  ['code_sent', 'ok'],
  ['code', 'ok'],
  ['password', 'ok'],
  ['start', 'ok'],
  ['code_sent', 'ok'],
  ['code', 'ok'],
  ['password', 'ok'],
  ['start', 'ok'],
  ['code_sent', 'ok'],
  ['code', 'ok'],
  ['password', 'ok'],
  ['start', 'ok'],
  ['code_sent', 'ok'],
  ['code', 'ok'],
  ['unlock', 'ok'],
  ['start', 'ok'],
  ['identity', 'mobile_missing'],
  ['start', 'ok'],
  ['identity', 'wrong_birthdate'],
];
export const SEEDED = {
  days: 5,
  resets: 15,
  unlocks: 5,
  refusals: 10,
  sms: 20,
  reason: 'Belde vanaf afdeling 3, code voorgelezen',
};

export function seedTrail(file: string, now = Date.now()): void {
  let last = { seq: 0, hash: GENESIS };
  const lines: string[] = [];
  for (let d = SEEDED.days; d >= 1; d--) {
    PER_DAY.forEach(([step, outcome], i) => {
      const ts = new Date(now - d * DAY + i * 60_000).toISOString();
      const rec = chainRecord({ ts, host: 'e2e', step, outcome, user: `seed.user${i % 5}`, client: 'kiosk-1' }, last);
      last = rec;
      lines.push(JSON.stringify(rec));
    });
  }
  // One servicedesk lift, yesterday, with its reason: what the audit search shows whatever ran before.
  const lift = chainRecord(
    {
      ts: new Date(now - DAY + 3_600_000).toISOString(),
      host: 'e2e',
      step: 'admin',
      outcome: 'desk_unblock_verified',
      user: 'seed.user1',
      client: 'desk:sd.demo',
      reason: SEEDED.reason,
    },
    last,
  );
  lines.push(JSON.stringify(lift));
  writeFileSync(file, lines.join('\n') + '\n', { mode: 0o600 });
}
