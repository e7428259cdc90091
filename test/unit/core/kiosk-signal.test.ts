// The wizard's signals to the kiosk's main process (core/kiosk-signal.ts): four fixed fragments, read back exactly,
// and the user agent by which the central service's page knows it runs in the kiosk.
import { describe, expect, it } from 'vitest';
import { KIOSK_SIGNALS, KIOSK_USER_AGENT, kioskFragment, kioskSignalOf } from '../../../src-main/core/kiosk-signal.js';

describe('kiosk signals', () => {
  it('each signal is one fragment and reads back as itself; nothing else reads as a signal', () => {
    for (const s of KIOSK_SIGNALS) expect(kioskSignalOf(kioskFragment(s))).toBe(s);
    expect(KIOSK_SIGNALS.map(kioskFragment)).toEqual([
      '#/kiosk/step/code',
      '#/kiosk/step/other',
      '#/kiosk/end/done',
      '#/kiosk/end/left',
    ]);
    for (const hash of [
      '',
      '#',
      '#idle',
      '#/kiosk/',
      '#/kiosk/end',
      '#/kiosk/end/done/',
      '#/kiosk/END/done',
      ' #/kiosk/end/done',
      '#/kiosk/toString',
      '#/kiosk/constructor',
    ]) {
      expect(kioskSignalOf(hash), hash).toBeUndefined();
    }
  });
});

describe('the kiosk user agent', () => {
  it("is what main appends to Chromium's, and nothing a browser sends", () => {
    const chromium =
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36';
    expect(KIOSK_USER_AGENT.test(`${chromium} reset-kiosk/ward-3.pc_1`)).toBe(true);
    for (const ua of [
      chromium,
      `${chromium} reset-kiosk/`,
      `${chromium} reset-kiosk/a b`,
      `${chromium}reset-kiosk/x`,
      `${chromium} reset-kiosk/${'x'.repeat(65)}`,
    ]) {
      expect(KIOSK_USER_AGENT.test(ua), ua).toBe(false);
    }
  });
});
