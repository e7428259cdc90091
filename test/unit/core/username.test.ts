import { describe, expect, it } from 'vitest';
import { normaliseUsername } from '../../../src-main/core/username.js';

describe('normaliseUsername', () => {
  it.each([
    ['A.Janssen', 'a.janssen'],
    ['a.janssen@pantein.nl', 'a.janssen'],
    ['A.Janssen@pantein.grp', 'a.janssen'],
    ['PANTEIN\\A.Janssen', 'a.janssen'],
    ['  A. Janssen ', 'a.janssen'],
    ['pantein.local\\a.janssen@pantein.nl', 'a.janssen'],
  ])('%s → %s', (input, expected) => expect(normaliseUsername(input)).toBe(expected));

  it.each(['', '   ', '@pantein.nl', 'PANTEIN\\', 'a\u0000b', 'x'.repeat(105)])('refuses %j', (input) => {
    expect(normaliseUsername(input)).toBeNull();
  });

  it('keeps LDAP metacharacters for the adapter to escape (never interprets them)', () => {
    expect(normaliseUsername('*)(uid=*')).toBe('*)(uid=*');
  });
});
