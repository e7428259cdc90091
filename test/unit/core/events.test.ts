// The core's typed events (core/events.ts): where a session is (for the kiosk's tracker), who it is about, each
// audited outcome and each spent budget — one union, emitted by the flow itself, so no reader re-derives the state
// machine from answers or parses an outcome string.
import { describe, expect, it } from 'vitest';
import { CoreEvents, type CoreEvent } from '../../../src-main/core/events.js';
import { flowFixture } from '../../helpers/flow-fixture.js';
import { captureLog } from '../../helpers/log-capture.js';

const steps = (events: CoreEvent[]) => events.flatMap((e) => (e.type === 'step' ? [e.step] : []));

describe('core events', () => {
  it('a reset tells each step of its session, its subject once, and every audited outcome in order', async () => {
    const f = flowFixture();
    const { sessionId } = await f.walkTo('done');
    expect(steps(f.events)).toEqual(['identity', 'code', 'password', 'done']);
    expect(
      f.events
        .filter((e) => e.type === 'step')
        .every(
          (e) => e.type === 'step' && e.sessionId === sessionId && e.purpose === 'reset' && e.client === 'kiosk-1',
        ),
    ).toBe(true);
    expect(f.events.filter((e) => e.type === 'subject')).toEqual([
      { type: 'subject', sessionId, client: 'kiosk-1', account: 'A.Janssen' },
    ]);
    const outcomes = f.events.flatMap((e) => (e.type === 'outcome' ? [e.event] : []));
    expect(outcomes).toEqual(f.audit); // the audit sink and the listeners see the same events
  });

  it('an unlock ends in unlock → done; a cancel ends the session', async () => {
    const f = flowFixture();
    const start = await f.api.start({ username: 'M.Bakker', purpose: 'unlock' });
    const sessionId = start.ok ? start.sessionId : '';
    await f.api.verifyIdentity({ sessionId, birthdate: '23-07-1990' });
    await f.api.verifyCode({ sessionId, code: f.sender.lastCode() });
    await f.api.unlock({ sessionId });
    expect(steps(f.events)).toEqual(['identity', 'code', 'unlock', 'done']);
    expect(f.events.find((e) => e.type === 'step')).toMatchObject({ purpose: 'unlock' });

    const g = flowFixture();
    const other = await g.walkTo('code');
    await g.api.cancel({ sessionId: other.sessionId });
    expect(steps(g.events)).toEqual(['identity', 'code', 'ended']);
  });

  it('a spent budget is an event of its own, naming the budget (no outcome string to parse)', async () => {
    const f = flowFixture();
    for (let i = 0; i < 6; i++) {
      const s = await f.api.start({ username: 'A.Janssen' });
      await f.api.verifyIdentity({ sessionId: s.ok ? s.sessionId : '', birthdate: `0${i + 1}-02-2002` }); // each a different wrong date
    }
    expect(f.events.filter((e) => e.type === 'budget')).toEqual([
      { type: 'budget', budget: 'identityPerUser', step: 'identity', client: 'kiosk-1' },
    ]);
    expect(steps(f.events)).not.toContain('code');
  });

  it('a listener that throws is logged and fails nothing; the audit sink is written first and fails closed', async () => {
    const log = captureLog();
    const hub = new CoreEvents(log);
    const seen: CoreEvent[] = [];
    hub.subscribe(() => {
      throw new Error('listener broke');
    });
    hub.subscribe((e) => seen.push(e));
    const audited = hub.auditing({ record: async () => {} });
    await audited.record({ step: 'start', outcome: 'ok', client: 'k' });
    expect(seen).toHaveLength(1);
    expect(log.text()).toContain('core event listener failed');

    const failing = hub.auditing({ record: () => Promise.reject(new Error('disk full')) });
    await expect(failing.record({ step: 'start', outcome: 'ok', client: 'k' })).rejects.toThrow('disk full');
    expect(seen).toHaveLength(1); // nothing announced that was not written
  });
});
