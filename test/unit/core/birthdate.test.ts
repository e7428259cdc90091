import { describe, expect, it } from 'vitest';
import { parseBirthdate, parseStoredBirthdate } from '../../../src-main/core/birthdate.js';

const today = new Date('2026-11-25T12:00:00Z');

describe('parseBirthdate (what the user types)', () => {
  it.each([
    ['01-10-1984', '1984-10-01'],
    ['1-10-1984', '1984-10-01'],
    ['01/10/1984', '1984-10-01'],
    ['1.10.1984', '1984-10-01'],
    [' 29-02-2000 ', '2000-02-29'],
    ['23 07 1990', '1990-07-23'],
    ['23 - 07 - 1990', '1990-07-23'],
    ['01101984', '1984-10-01'],
  ])('%s → %s', (input, iso) => expect(parseBirthdate(input, today)).toBe(iso));

  it.each([
    '31-02-1984',
    '29-02-1983',
    '00-10-1984',
    '01-13-1984',
    '1984-10-01',
    '01-10-84',
    '23 07 90',
    '0110198',
    '011019844',
    '31021984',
    'gisteren',
    '01-10-1899',
    '01-01-2027',
    '01-10/1984x',
  ])('refuses %j with the format message', (input) => expect(parseBirthdate(input, today)).toBeNull());
});

describe('parseStoredBirthdate (what the directory holds)', () => {
  it.each([
    ['1984-10-01', '1984-10-01'],
    ['19841001', '1984-10-01'],
    ['01-10-1984', '1984-10-01'],
    ['1-10-1984', '1984-10-01'],
  ])('%s → %s', (input, iso) => expect(parseStoredBirthdate(input)).toBe(iso));

  it.each([undefined, '', '1984-13-01', '31-02-1984', 'n/a'])('%j → undefined', (input) =>
    expect(parseStoredBirthdate(input)).toBeUndefined(),
  );
});
