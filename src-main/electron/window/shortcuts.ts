// No devtools, reload, zoom, print, close or quit shortcuts in production (checklist #18 spirit; kiosk escape).
// The window has no menu, so most of these have no accelerator anyway; this is the second line, applied in
// `before-input-event`, which sees keys before the page does. Typing keys (letters, digits, Tab, Enter,
// Backspace, Ctrl+C/V/X/A/Z for editing, AltGr and Alt+numpad for € and accents) always pass.
import type { Input } from 'electron';

export type KeyInput = Pick<Input, 'type' | 'key' | 'control' | 'meta' | 'alt' | 'shift'>;

const FUNCTION_KEYS = new Set([
  'F1',
  'F3',
  'F5',
  'F6',
  'F7',
  'F10',
  'F11',
  'F12',
  'BrowserBack',
  'BrowserForward',
  'BrowserRefresh',
  'BrowserHome',
  'BrowserSearch',
  'BrowserFavorites',
  'BrowserStop',
]);
// With Ctrl (or Cmd): reload, devtools, zoom, print, save, open, find, new/close window or tab, quit, history, view-source.
const CTRL_KEYS = new Set([
  'r',
  'i',
  'j',
  'u',
  'p',
  's',
  'o',
  'f',
  'g',
  'h',
  'n',
  't',
  'w',
  'q',
  'l',
  'd',
  'e',
  'k',
  'm',
  '+',
  '-',
  '=',
  '0',
  'Add',
  'Subtract',
  'Tab',
  'PageUp',
  'PageDown',
]);

/** True when the key must not reach the page or Chromium. `dev` lets devtools and reload through. */
export function isBlockedShortcut(input: KeyInput, dev: boolean): boolean {
  if (input.type !== 'keyDown' && input.type !== 'rawKeyDown') return false;
  if (dev) return false;
  const key = input.key.length === 1 ? input.key.toLowerCase() : input.key;
  if (FUNCTION_KEYS.has(key)) return true;
  if (input.alt && (key === 'F4' || key === 'ArrowLeft' || key === 'ArrowRight' || key === 'Home')) return true;
  if ((input.control || input.meta) && CTRL_KEYS.has(key)) return true;
  return false;
}
