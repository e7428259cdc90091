// /metrics content from real traffic on the demo web host: resets started and completed, failures by reason,
// SMS sent and refused by budget, blocks, per-method latency — and no username, address or typed text in it.
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../../src-main/core/throttle.js';
import type { AuditOutcome } from '../../../src-main/core/ports/audit.js';
import type { BudgetKind } from '../../../src-main/core/throttle.js';
import { Metrics } from '../../../src-main/metrics/metrics.js';
import { RELAXED_LIMITS } from '../../helpers/demo-app.js';
import { webHost } from '../../helpers/web-host.js';

const line = (text: string, name: string, labels: string) =>
  new RegExp(`^${name}\\{${labels}\\} (\\d+(\\.\\d+)?)$`, 'm').exec(text)?.[1];

describe('metrics', () => {
  it('counts a reset, wrong birthdates, a block and the SMS, without personal data in labels', async () => {
    const h = await webHost({
      overrides: {
        metrics: true,
        limits: {
          ...RELAXED_LIMITS,
          identityPerUser: DEFAULT_LIMITS.identityPerUser,
          smsPerUser: { points: 1, durationSeconds: 3600 },
        },
      },
    });
    const { sessionId } = await h.walkTo('password');
    await h.post('setPassword', { sessionId, password: 'Herfst#Blad-2031', repeat: 'Herfst#Blad-2031' });
    for (let i = 0; i < 6; i++) {
      const { json } = await h.post('start', { username: 'M.Bakker' }, '10.9.8.7');
      await h.post('verifyIdentity', { sessionId: json.sessionId, birthdate: `0${i + 1}-01-2001` }, '10.9.8.7');
    }
    const { json } = await h.post('start', { username: 'A.Janssen' });
    await h.post('verifyIdentity', { sessionId: json.sessionId, birthdate: '01-10-1984' }); // smsPerUser (1) is spent
    const text = await h.app.metrics!.render();
    await h.stop();

    expect(line(text, 'reset_kiosk_flows_started_total', 'purpose="reset"')).toBe('8');
    expect(line(text, 'reset_kiosk_flows_completed_total', 'purpose="reset"')).toBe('1');
    expect(line(text, 'reset_kiosk_audit_events_total', 'step="identity",outcome="refused"')).toBe('5');
    expect(line(text, 'reset_kiosk_requests_total', 'method="verifyIdentity",result="blocked"')).toBe('1');
    expect(line(text, 'reset_kiosk_blocks_total', 'budget="identityPerUser"')).toBe('1');
    expect(line(text, 'reset_kiosk_blocks_total', 'budget="smsPerUser"')).toBe('1');
    expect(line(text, 'reset_kiosk_sms_total', 'result="sent",reason="none"')).toBe('1');
    expect(line(text, 'reset_kiosk_sms_total', 'result="refused",reason="smsPerUser"')).toBe('1');
    expect(line(text, 'reset_kiosk_request_duration_seconds_count', 'method="setPassword"')).toBe('1');
    expect(text).toMatch(/^reset_kiosk_request_duration_seconds_bucket\{le="0.4",method="verifyIdentity"\} \d+$/m);
    expect(text).not.toMatch(/janssen|bakker|10\.9\.8\.7|127\.0\.0\.1|~[0-9a-f]{12}|1984|Herfst/i);
  });

  it('bounds label values: odd or too many outcomes become "other"', async () => {
    const m = new Metrics();
    // Outcomes are a closed union; an unexpected string (say, from a newer core) must still not become a label.
    const ev = (outcome: string) =>
      m.onEvent({ type: 'outcome', event: { step: 'code', outcome: outcome as AuditOutcome, user: 'x', client: 'c' } });
    ev('A.Janssen@zorg.nl');
    for (let i = 0; i < 100; i++) ev(`reason_${i}`);
    const values = new Set((await m.events.get()).values.map((v) => v.labels.outcome));
    expect(values.has('A.Janssen@zorg.nl')).toBe(false);
    expect(values.size).toBeLessThanOrEqual(65);
    expect(values.has('other')).toBe(true);
  });

  it('never tells an account from a non-account, or a right birthdate during the spacing from a wrong one', async () => {
    const m = new Metrics();
    const hidden = [
      'unknown_user',
      'wrong_birthdate',
      'no_birthdate_in_directory',
      'disabled',
      'mobile_missing',
      'mobile_refused_country',
      'blocked_account',
      'birthdate_ok_resend_too_soon_smsSpacingPerAccount',
    ];
    // As the core emits them (core/events.ts): the outcome, and the budget that refused it as an event of its own.
    const emit = (step: 'identity' | 'code_sent', outcome: string, budget?: BudgetKind) => {
      m.onEvent({
        type: 'outcome',
        event: { step, outcome: outcome as AuditOutcome, user: 'x', client: 'c', ...(budget ? { budget } : {}) },
      });
      if (budget) m.onEvent({ type: 'budget', budget, step, client: 'c' });
    };
    for (const outcome of hidden)
      emit('identity', outcome, outcome === 'blocked_account' ? 'identityPerAccount' : undefined);
    emit('code_sent', 'resend_too_soon_smsSpacingPerAccount', 'smsSpacingPerAccount');
    const text = await m.render();
    expect(line(text, 'reset_kiosk_audit_events_total', 'step="identity",outcome="refused"')).toBe(
      String(hidden.length),
    );
    const series = text.split('\n').filter((l) => /^reset_kiosk_(audit_events|blocks|sms)_total\{/.test(l));
    expect(series).toEqual([`reset_kiosk_audit_events_total{step="identity",outcome="refused"} ${hidden.length}`]);
  });

  it('reads the directory pool and the SIEM queue when scraped', async () => {
    const m = new Metrics();
    m.watch({
      pool: () => ({ busy: 1, idle: 2, size: 2, opened: 3, reused: 40, waited: 0, retried: 0, dropped: 1 }),
      siem: () => ({ queued: 5, sent: 9, dropped: 2, connected: false }),
      probes: () => Promise.resolve({ directory: 'ok', redis: 'failed' }),
    });
    const text = await m.render();
    expect(line(text, 'reset_kiosk_directory_pool_connections', 'state="idle"')).toBe('2');
    expect(line(text, 'reset_kiosk_directory_pool_events', 'event="reused"')).toBe('40');
    expect(line(text, 'reset_kiosk_siem_events', 'state="dropped"')).toBe('2');
    expect(text).toMatch(/^reset_kiosk_siem_connected 0$/m);
    expect(line(text, 'reset_kiosk_dependency_up', 'dependency="redis"')).toBe('0');
    expect(line(text, 'reset_kiosk_dependency_up', 'dependency="directory"')).toBe('1');
  });
});
