// Checklist #5: every permission denied, each with a reason; unknown names denied too.
import { describe, expect, it } from 'vitest';
import { isPermissionAllowed, PERMISSIONS } from '../../../../src-main/electron/window/permissions.js';

describe('permission table', () => {
  it('denies every known permission and says why', () => {
    const entries = Object.entries(PERMISSIONS);
    expect(entries.length).toBeGreaterThan(40);
    for (const [name, entry] of entries) {
      expect(entry.allow, name).toBe(false);
      expect(entry.reason.length, name).toBeGreaterThan(8);
      expect(isPermissionAllowed(name), name).toBe(false);
    }
  });

  it('denies what it does not know (deny by default)', () => {
    for (const name of ['future-permission', '', 'toString', '__proto__', 'constructor'])
      expect(isPermissionAllowed(name), name).toBe(false);
  });

  it('lists the risky ones a reviewer looks for', () => {
    for (const name of [
      'media',
      'openExternal',
      'clipboard-read',
      'fileSystem',
      'display-capture',
      'notifications',
      'fullscreen',
      'usb',
      'hid',
      'serial',
    ])
      expect(PERMISSIONS).toHaveProperty(name);
  });
});
