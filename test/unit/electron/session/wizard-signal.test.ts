// The wizard's signals as main reads them: only the kiosk window's top frame, on the plan's origin, with one of the
// four fixed fragments (core/kiosk-signal.ts). Everything else — a sub-frame, another origin, a look-alike fragment,
// a full URL in the fragment — is nothing.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { KIOSK_SIGNALS, kioskFragment } from '../../../../src-main/core/kiosk-signal.js';
import { watchWizardSignals, wizardSignal } from '../../../../src-main/electron/session/wizard-signal.js';

const CENTRAL = 'https://reset.zorg.example';

describe('wizardSignal', () => {
  it('reads each of the four signals on the allowed origin, in both modes', () => {
    for (const s of KIOSK_SIGNALS) {
      expect(wizardSignal(`${CENTRAL}/wizard/${kioskFragment(s)}`, true, CENTRAL)).toBe(s);
      expect(wizardSignal(`app://kiosk/index.html${kioskFragment(s)}`, true, 'app://kiosk')).toBe(s);
    }
  });

  it('ignores a sub-frame, another origin, a port or scheme that differs, and any other fragment', () => {
    const done = kioskFragment('end/done');
    expect(wizardSignal(`${CENTRAL}/${done}`, false, CENTRAL)).toBeUndefined();
    for (const url of [
      `https://evil.example/${done}`,
      `https://reset.zorg.example:8443/${done}`,
      `http://reset.zorg.example/${done}`,
      `https://x@reset.zorg.example/${done}`,
      `app://kiosk/${done}`,
    ]) {
      expect(wizardSignal(url, true, CENTRAL), url).toBeUndefined();
    }
    for (const hash of [
      '',
      '#idle',
      '#/kiosk/',
      '#/kiosk/end',
      '#/kiosk/end/done/',
      '#/kiosk/end/done?x',
      '#/kiosk/logoff',
      '#/KIOSK/end/done',
      '#/kiosk/end/done#x',
      '#/kiosk/../end/done',
    ]) {
      expect(wizardSignal(`${CENTRAL}/${hash}`, true, CENTRAL), hash).toBeUndefined();
    }
  });

  it('watchWizardSignals passes on exactly the signals of did-navigate-in-page it accepts', () => {
    const contents = new EventEmitter();
    const got: string[] = [];
    watchWizardSignals(contents, CENTRAL, (s) => got.push(s));
    contents.emit('did-navigate-in-page', {}, `${CENTRAL}/${kioskFragment('step/code')}`, true);
    contents.emit('did-navigate-in-page', {}, `${CENTRAL}/${kioskFragment('end/left')}`, false);
    contents.emit('did-navigate', {}, `${CENTRAL}/${kioskFragment('end/left')}`, 200); // a full load is not a signal
    contents.emit('did-navigate-in-page', {}, `${CENTRAL}/${kioskFragment('end/done')}`, true);
    expect(got).toEqual(['step/code', 'end/done']);
  });
});
