// The renderer's half of the kiosk signals (src-renderer/kiosk-signal.ts): which screen means what to main, and
// that each signal is one fragment-only navigation (location.replace), sent once, never before the first real one.
import { describe, expect, it } from 'vitest';
import { sendKioskSignal, signalOf } from '../../../src-renderer/kiosk-signal.js';

function fakeLocation(hash = '') {
  const replaced: string[] = [];
  const loc = { hash, replace: (url: string) => void (replaced.push(url), (loc.hash = url)) };
  return { loc: loc as unknown as Location, replaced };
}

describe('kiosk signals', () => {
  it('the code step and the success screen are the ones main acts on', () => {
    expect(signalOf('code')).toBe('step/code');
    expect(signalOf('done')).toBe('end/done');
    for (const step of ['loading', 'offline', 'username', 'birthdate', 'password'] as const)
      expect(signalOf(step), step).toBe('step/other');
  });

  it('sends each change once as a fragment, and no "other step" before anything was said', () => {
    const { loc, replaced } = fakeLocation('#idle');
    sendKioskSignal(loc, 'step/other');
    expect(replaced).toEqual([]);
    sendKioskSignal(loc, 'step/code');
    sendKioskSignal(loc, 'step/code');
    sendKioskSignal(loc, 'step/other');
    sendKioskSignal(loc, 'end/done');
    sendKioskSignal(loc, 'end/left');
    expect(replaced).toEqual(['#/kiosk/step/code', '#/kiosk/step/other', '#/kiosk/end/done', '#/kiosk/end/left']);
  });
});
