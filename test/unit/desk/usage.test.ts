// The usage figures from a fixed audit trail: every count checked by hand against the lines below.
import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../../src-main/audit/chain.js';
import { aggregateUsage, failReason, isoWeek, usageCsv, type LocalTime } from '../../../src-main/desk/usage.js';

const utc: LocalTime = (ts) => ({ day: ts.slice(0, 10), hour: Number(ts.slice(11, 13)) });
type Line = [ts: string, step: AuditRecord['step'], outcome: string];
const TRAIL: Line[] = [
  // Monday 30 Nov: one reset, one person without a mobile, one wrong birthdate
  ['2026-11-30T07:05:00Z', 'start', 'ok'],
  ['2026-11-30T07:05:10Z', 'identity', 'ok'],
  ['2026-11-30T07:05:11Z', 'code_sent', 'ok'],
  ['2026-11-30T07:06:00Z', 'code', 'ok'],
  ['2026-11-30T07:07:00Z', 'password', 'ok'],
  ['2026-11-30T07:30:00Z', 'start', 'ok'],
  ['2026-11-30T07:30:09Z', 'identity', 'mobile_missing'],
  ['2026-11-30T22:10:00Z', 'start', 'ok'],
  ['2026-11-30T22:10:09Z', 'identity', 'wrong_birthdate'],
  // Tuesday 1 Dec: an unlock; a code never typed; an SMS provider error; a block; the DC down
  ['2026-12-01T07:00:00Z', 'start', 'ok'],
  ['2026-12-01T07:00:05Z', 'code_sent', 'ok'],
  ['2026-12-01T07:01:00Z', 'code', 'ok'],
  ['2026-12-01T07:01:30Z', 'unlock', 'ok'],
  ['2026-12-01T07:20:00Z', 'start', 'ok'],
  ['2026-12-01T07:20:05Z', 'code_sent', 'ok'],
  ['2026-12-01T07:40:00Z', 'code_sent', 'failed_provider_error'],
  ['2026-12-01T08:00:00Z', 'identity', 'blocked_user'],
  ['2026-12-01T08:05:00Z', 'identity', 'directory_unavailable'],
  ['2026-12-01T08:06:00Z', 'code', 'code_wrong'],
  ['2026-12-01T08:07:00Z', 'password', 'password_rejected'],
  ['2026-12-01T08:08:00Z', 'cancel', 'ok'],
  // The servicedesk: a sign-in, a code to a caller, verified, a lift and an unlock; an admin status look
  ['2026-12-01T09:00:00Z', 'admin', 'desk_signin'],
  ['2026-12-01T09:01:00Z', 'admin', 'desk_verify_sent'],
  ['2026-12-01T09:02:00Z', 'admin', 'desk_verify_verified'],
  ['2026-12-01T09:03:00Z', 'admin', 'desk_unblock_verified'],
  ['2026-12-01T09:04:00Z', 'admin', 'desk_unlock_unverified'],
  ['2026-12-01T09:05:00Z', 'admin', 'status'],
  // Monday 7 Dec (next ISO week): one reset; and a line outside the period
  ['2026-12-07T13:00:00Z', 'start', 'ok'],
  ['2026-12-07T13:02:00Z', 'password', 'ok'],
  ['2026-12-09T00:00:00Z', 'password', 'ok'],
];
const records = TRAIL.map(([ts, step, outcome]) => ({ ts, step, outcome }));
const figures = () =>
  aggregateUsage(records, {
    since: new Date('2026-11-30T00:00:00Z'),
    until: new Date('2026-12-07T23:59:59Z'),
    smsPrice: 0.08,
    local: utc,
  });

describe('usage from the audit trail', () => {
  it('counts resets, unlocks, refusals, texts and the servicedesk per day and per ISO week', () => {
    const u = figures();
    expect(u.days).toHaveLength(8);
    expect(u.days[0]).toEqual({ day: '2026-11-30', resets: 1, unlocks: 0, refusals: 2, sms: 1, deskLifts: 0 });
    expect(u.days[1]).toEqual({ day: '2026-12-01', resets: 0, unlocks: 1, refusals: 5, sms: 3, deskLifts: 2 });
    expect(u.days[2]).toEqual({ day: '2026-12-02', resets: 0, unlocks: 0, refusals: 0, sms: 0, deskLifts: 0 });
    expect(u.days[7]).toEqual({ day: '2026-12-07', resets: 1, unlocks: 0, refusals: 0, sms: 0, deskLifts: 0 });
    expect(u.weeks).toEqual([
      { week: '2026-W49', resets: 1, unlocks: 1, refusals: 7, sms: 4, deskLifts: 2 },
      { week: '2026-W50', resets: 1, unlocks: 0, refusals: 0, sms: 0, deskLifts: 0 },
    ]);
    expect(u.totals).toEqual({
      resets: 2,
      unlocks: 1,
      refusals: 7,
      sms: 4,
      deskLifts: 2,
      starts: 6,
      deskUnlocks: 1,
      deskVerified: 1,
      deskSignIns: 1,
    });
    expect(u.smsCost).toBe(0.32);
  });

  it('says why people fail, and which hours are busiest', () => {
    const u = figures();
    expect(u.reasons).toEqual({
      no_mobile: 1,
      wrong_birthdate: 1,
      no_birthdate: 0,
      unknown_or_disabled: 0,
      code_wrong: 1,
      code_not_entered: 0,
      blocked: 1,
      directory_error: 1,
      sms_error: 1,
      password_refused: 1,
    });
    expect(u.hours[7]).toBe(4);
    expect(u.hours[22]).toBe(1);
    expect(u.hours[13]).toBe(1);
    expect(u.hours.reduce((a, b) => a + b)).toBe(6);
  });

  it('a code sent and never answered counts as not entered', () => {
    const u = aggregateUsage(
      [
        ...records,
        { ts: '2026-12-02T10:00:00Z', step: 'code_sent', outcome: 'ok' },
        { ts: '2026-12-02T10:00:00Z', step: 'code_sent', outcome: 'ok' },
      ],
      { since: new Date('2026-11-30T00:00:00Z'), until: new Date('2026-12-07T23:59:59Z'), smsPrice: 0, local: utc },
    );
    expect(u.reasons.code_not_entered).toBe(2); // 5 sent, 2 answered right, 1 answered wrong: 2 never answered
  });

  it('the CSV holds the same numbers and nothing personal', () => {
    const csv = usageCsv(figures());
    expect(csv.split('\r\n').slice(0, 3)).toEqual([
      'day,resets,unlocks,refusals,sms,desk_lifts',
      '2026-11-30,1,0,2,1,0',
      '2026-12-01,0,1,5,3,2',
    ]);
    expect(csv).toContain('\r\nno_mobile,1\r\n');
    expect(csv).toContain('\r\n07,4\r\n');
  });

  it('ISO weeks by the Thursday rule; alerts and cancels are no refusals', () => {
    expect([isoWeek('2026-01-01'), isoWeek('2027-01-01'), isoWeek('2026-12-28')]).toEqual([
      '2026-W01',
      '2026-W53',
      '2026-W53',
    ]);
    expect(failReason({ step: 'identity', outcome: 'alert_lockout_burst_client' })).toBeNull();
    expect(failReason({ step: 'cancel', outcome: 'ok' })).toBeNull();
  });
});
