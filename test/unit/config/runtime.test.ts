// The config turned once into what the flow, the wizard and the kiosk run with: the code-step idle rule and the
// defaults are decided here and nowhere else.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src-main/config/load.js';
import { centralKioskTimings, codeIdleSeconds, flowOptions, kioskTimings } from '../../../src-main/config/runtime.js';
import { parseSettings } from '../../../src-main/settings/schema.js';

describe('config/runtime', () => {
  it('the code step idles as long as the code is valid by default, never below idleSeconds', () => {
    expect(codeIdleSeconds({ idleSeconds: 90, codeTtlSeconds: 300, codeIdleSeconds: undefined })).toBe(300);
    expect(codeIdleSeconds({ idleSeconds: 90, codeTtlSeconds: 300, codeIdleSeconds: 600 })).toBe(600);
    expect(codeIdleSeconds({ idleSeconds: 400, codeTtlSeconds: 300, codeIdleSeconds: undefined })).toBe(400);
    expect(codeIdleSeconds({ idleSeconds: 90, codeTtlSeconds: 60, codeIdleSeconds: 30 })).toBe(90);
  });

  it('a central-mode kiosk takes its timings from kiosk.json, under the same code-step rule', () => {
    expect(centralKioskTimings(parseSettings({}))).toEqual(kioskTimings(parseConfig({}))); // same defaults as the service's
    expect(centralKioskTimings(parseSettings({ idleSeconds: 120, codeIdleSeconds: 600, doneSeconds: 30 }))).toEqual({
      idleSeconds: 120,
      codeIdleSeconds: 600,
      doneSeconds: 30,
    });
    expect(centralKioskTimings(parseSettings({ idleSeconds: 120, codeIdleSeconds: 60 })).codeIdleSeconds).toBe(120);
  });

  it('the empty config gives the documented defaults, to the flow and to the kiosk alike', () => {
    const config = parseConfig({});
    expect(kioskTimings(config)).toEqual({ idleSeconds: 90, codeIdleSeconds: 300, doneSeconds: 20 });
    expect(flowOptions(config)).toMatchObject({
      organisation: 'Pantein',
      defaultLang: 'nl',
      demo: true,
      minLength: 8,
      codeTtlSeconds: 300,
      resendAfterSeconds: 30,
      sessionTtlSeconds: 600,
      idleSeconds: 90,
      codeIdleSeconds: 300,
      doneSeconds: 20,
      identityFloorMs: 400,
      servicedesk: { name: 'Servicedesk ICT', phone: '0485 – 845 900', email: 'servicedesk@pantein.nl' },
    });
  });

  it("what the config sets reaches the flow, the notices in the wizard's language included", () => {
    const config = parseConfig({
      organisation: 'Zorggroep',
      security: { idleSeconds: 120, codeTtlSeconds: 240, doneSeconds: 30 },
      directory: { type: 'demo' },
    });
    const o = flowOptions(config);
    expect(o).toMatchObject({
      organisation: 'Zorggroep',
      idleSeconds: 120,
      codeIdleSeconds: 240,
      doneSeconds: 30,
      codeTtlSeconds: 240,
    });
    expect(o.changedNotice?.('nl')).toContain('Zorggroep');
    expect(o.unlockedNotice?.('en')).toContain('Zorggroep');
  });
});
