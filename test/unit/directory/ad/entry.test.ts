// The one attribute reader: names in any case, text or bytes, arrays or single values, [] for "not readable".
import type { Entry } from 'ldapts';
import { describe, expect, it } from 'vitest';
import { all, first, rawValue } from '../../../../src-main/directory/ad/entry.js';

const entry: Entry = {
  dn: 'CN=x',
  SAMACCOUNTNAME: 'A.Janssen',
  mobile: [],
  employeeID: [Buffer.from('19841001')],
  uPNSuffixes: ['a.test', 'b.test'],
  empty: '',
};

describe('entry reader', () => {
  it('finds an attribute whatever case the DC used', () => {
    expect(first(entry, 'sAMAccountName')).toBe('A.Janssen');
    expect(all(entry, 'upnsuffixes')).toEqual(['a.test', 'b.test']);
  });

  it('reads bytes as UTF-8 text, and keeps them as bytes on request', () => {
    expect(first(entry, 'employeeID')).toBe('19841001');
    expect(Buffer.isBuffer(rawValue(entry, 'employeeid'))).toBe(true);
  });

  it('absent, empty or unreadable ([]) is undefined, or [] for all values', () => {
    for (const name of ['mobile', 'empty', 'nothing']) expect(first(entry, name), name).toBeUndefined();
    expect(all(entry, 'mobile')).toEqual([]);
    expect(all(undefined, 'mobile')).toEqual([]);
    expect(first(undefined, 'mobile')).toBeUndefined();
  });
});
