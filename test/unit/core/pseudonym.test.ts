// What is typed in the username field is recorded only as a keyed hash: the same name gives the same pseudonym
// under one key (so attempts link across hosts), another under another key, and never the name itself.
import { describe, expect, it } from 'vitest';
import { pseudonymiser } from '../../../src-main/core/pseudonym.js';

describe('pseudonymiser', () => {
  it('is ~ and 12 hex, stable for one key, and holds nothing of what was typed', () => {
    const p = pseudonymiser('one key for every host');
    const typed = 'Geheim!Wachtwoord-77';
    expect(p(typed)).toMatch(/^~[0-9a-f]{12}$/);
    expect(p(typed)).toBe(pseudonymiser('one key for every host')(typed));
    expect(p(typed).toLowerCase()).not.toContain('geheim');
  });

  it('tells names apart, and is another value under another key', () => {
    const p = pseudonymiser('key A');
    expect(p('a.janssen')).not.toBe(p('a.jansen'));
    expect(p('a.janssen')).not.toBe(pseudonymiser('key B')('a.janssen'));
  });

  it('without a key, draws a random one: pseudonyms of two processes cannot be linked', () => {
    expect(pseudonymiser()('a.janssen')).not.toBe(pseudonymiser()('a.janssen'));
  });
});
