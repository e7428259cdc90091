// Checklist #17: only our own page's top frame in the kiosk window may call main.
import { describe, expect, it } from 'vitest';
import { senderInfo } from '../../../../src-main/electron/ipc/ipc.js';
import { APP_ORIGIN } from '../../../../src-main/electron/window/protocol.js';
import { isTrustedSender } from '../../../../src-main/electron/ipc/sender.js';

const ok = { url: 'app://kiosk/index.html', isMainFrame: true, isKioskWindow: true };

describe('IPC sender check', () => {
  it('trusts the top frame of app://kiosk in the kiosk window', () => {
    expect(isTrustedSender(ok, APP_ORIGIN)).toBe(true);
  });

  it('refuses file://, other origins, subframes, other windows and destroyed frames', () => {
    expect(isTrustedSender({ ...ok, url: 'file:///C:/app/dist/renderer/index.html' }, APP_ORIGIN)).toBe(false);
    expect(isTrustedSender({ ...ok, url: 'https://evil.example/' }, APP_ORIGIN)).toBe(false);
    expect(isTrustedSender({ ...ok, url: 'app://kiosk.evil/index.html' }, APP_ORIGIN)).toBe(false);
    expect(isTrustedSender({ ...ok, isMainFrame: false }, APP_ORIGIN)).toBe(false);
    expect(isTrustedSender({ ...ok, isKioskWindow: false }, APP_ORIGIN)).toBe(false);
    expect(isTrustedSender({ ...ok, url: undefined }, APP_ORIGIN)).toBe(false);
  });

  it('derives the facts from an invoke event', () => {
    const kiosk = {} as never;
    const frame = { url: 'app://kiosk/index.html', parent: null };
    expect(senderInfo({ sender: kiosk, senderFrame: frame as never }, kiosk)).toEqual(ok);
    expect(
      senderInfo({ sender: kiosk, senderFrame: { url: 'app://kiosk/x', parent: {} } as never }, kiosk).isMainFrame,
    ).toBe(false);
    expect(senderInfo({ sender: {} as never, senderFrame: frame as never }, kiosk).isKioskWindow).toBe(false);
    expect(senderInfo({ sender: kiosk, senderFrame: null }, kiosk)).toEqual({
      url: undefined,
      isMainFrame: false,
      isKioskWindow: true,
    });
  });
});
