// No way out through the keyboard in production; typing (including AltGr and Ctrl+V) still works.
import { describe, expect, it } from 'vitest';
import { isBlockedShortcut, type KeyInput } from '../../../../src-main/electron/window/shortcuts.js';

const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({
  type: 'keyDown',
  key: k,
  control: false,
  meta: false,
  alt: false,
  shift: false,
  ...mods,
});

describe('shortcuts', () => {
  it('blocks reload, devtools, zoom, print, close and quit', () => {
    const blocked: KeyInput[] = [
      key('F5'),
      key('r', { control: true }),
      key('R', { control: true, shift: true }),
      key('F12'),
      key('I', { control: true, shift: true }),
      key('J', { control: true, shift: true }),
      key('+', { control: true }),
      key('-', { control: true }),
      key('=', { control: true }),
      key('0', { control: true }),
      key('p', { control: true }),
      key('s', { control: true }),
      key('o', { control: true }),
      key('w', { control: true }),
      key('q', { control: true }),
      key('q', { meta: true }),
      key('F4', { alt: true }),
      key('ArrowLeft', { alt: true }),
      key('F11'),
      key('BrowserBack'),
      key('u', { control: true }),
      key('n', { control: true }),
    ];
    for (const k of blocked) expect(isBlockedShortcut(k, false), JSON.stringify(k)).toBe(true);
  });

  it('lets typing and editing through', () => {
    const allowed: KeyInput[] = [
      key('a'),
      key('A', { shift: true }),
      key('1'),
      key('Enter'),
      key('Tab'),
      key('Backspace'),
      key('ArrowLeft'),
      key('v', { control: true }),
      key('c', { control: true }),
      key('x', { control: true }),
      key('a', { control: true }),
      key('z', { control: true }),
      key('€', { control: true, alt: true }),
      key('@', { control: true, alt: true }),
      key('Alt', { alt: true }),
      key('Escape'),
    ];
    for (const k of allowed) expect(isBlockedShortcut(k, false), JSON.stringify(k)).toBe(false);
  });

  it('ignores key-up events and allows everything with --dev', () => {
    expect(isBlockedShortcut({ ...key('F5'), type: 'keyUp' }, false)).toBe(false);
    expect(isBlockedShortcut(key('F12'), true)).toBe(false);
    expect(isBlockedShortcut(key('r', { control: true }), true)).toBe(false);
  });
});
