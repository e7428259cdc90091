import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BannedTerms, isBanned, normalise, points } from '../../../src-main/core/banned.js';

const spray = new BannedTerms(['welkom', 'zomer', 'pantein', 'topdesk', 'mei'], { fuzzy: true });
const years = new BannedTerms(['2025', '2026', '2027'], { fuzzy: false });
const breached = new BannedTerms(['password', 'qwerty', 'monkey', 'love'], { fuzzy: false, minLength: 4 });
const lists = [spray, years, breached];

describe('normalise (Entra step 1, plus more look-alikes)', () => {
  it('drops case, accents and compatibility forms, and maps look-alikes', () => {
    expect(normalise('W3lk0m')).toBe(normalise('welkom'));
    expect(normalise('P@$$w0rd')).toBe(normalise('password'));
    expect(normalise('W1NTER')).toBe(normalise('winter'));
    expect(normalise('Zömer')).toBe(normalise('zomer'));
    expect(normalise('ｗｅｌｋｏｍ')).toBe(normalise('welkom')); // full-width letters (NFKD)
    expect(normalise('Straße')).toBe(normalise('strasse'));
  });

  it('is idempotent, for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => normalise(normalise(s)) === normalise(s)),
      { numRuns: 5000 },
    );
  });

  it('is case-insensitive, for any string', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 40 }),
        (s) => normalise(s.toUpperCase()) === normalise(s) && normalise(s.toLowerCase()) === normalise(s),
      ),
      { numRuns: 5000 },
    );
  });

  it('leaves nothing that it would map again (its output holds no upper case and no mapped character)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => !/[A-Z0134579@$|+€]/.test(normalise(s))),
      { numRuns: 5000 },
    );
  });
});

describe('banned terms and points (Entra steps 2 and 3)', () => {
  it.each([
    'Welkom01!',
    'Zomer2026!',
    'W3lk0m2026!',
    'Pantein#2026',
    'Topdesk2026!',
    'Zomer2026!!!',
    'P@ssw0rd2026',
    'Qwerty#1',
    'Welkomm#1',
    'Welkon#1!',
    'Wlkom#2026',
  ])('%s is refused', (pw) => expect(isBanned(pw, lists)).toBe(true));

  it.each(['Kwal-Fiets-Regen-73', 'Bx7#kLm2q', 'Zomer#Dienst-2026', 'Meikever#Tuin8'])('%s is accepted', (pw) =>
    expect(isBanned(pw, lists)).toBe(false),
  );

  it('scores like Entra: a term is 1 point, every other character 1, a repeated character 0', () => {
    expect(points('welkom', lists)).toBe(1);
    expect(points('x!Welkom', lists)).toBe(2); // "!welkom" is one edit from welkom
    expect(points('Welkom#12', lists)).toBe(3);
    expect(points('Welkom!!!!', lists)).toBe(1); // "welkom!" + three repeats
    expect(points('Xy!!!!', lists)).toBe(3);
    expect(points('abcd', lists)).toBe(4);
  });

  it('matches short terms (3–4) exactly only, and long ones one edit away', () => {
    expect(points('mey', lists)).toBe(3); // "mei" is too short to match fuzzily
    expect(points('zomr', lists)).toBe(1); // one left out
    expect(points('zoomer', lists)).toBe(1); // one added
    expect(points('zamer', lists)).toBe(1); // one changed
    expect(points('zamar', lists)).toBe(5); // two changed: no match (5 points, the cap)
    expect(points('lov', lists)).toBe(3); // the breached list is exact only
  });

  it('the verdict ignores case and look-alikes, for any password', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 24 }), (s) => isBanned(s.toUpperCase(), lists) === isBanned(s, lists)),
      { numRuns: 500 },
    );
  });

  it('stays fast for a 256-character password', () => {
    const started = performance.now();
    for (const pw of ['welkom'.repeat(43), 'Xk9#'.repeat(64), 'a'.repeat(256)]) points(pw, lists);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
