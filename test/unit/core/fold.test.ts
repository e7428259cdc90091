// One folding everywhere (core/fold.ts, issue 27): every spelling of a name that folds to its key is refused by
// the names rule, counted in the name's one budget, cleared by one unblock and found by one audit search.
// Spellings are generated per letter: case, full width, compatibility forms (ſ, ﬁ, Ｊ), combining marks,
// invisible characters between letters (zero-width space, soft hyphen, joiners, bidi marks, variation
// selectors) and Cyrillic/Greek look-alikes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileAuditSink } from '../../../src-main/audit/file-sink.js';
import { searchAudit } from '../../../src-main/audit/search.js';
import { foldKey } from '../../../src-main/core/fold.js';
import { checkPolicy, forbiddenWords } from '../../../src-main/core/policy.js';
import { pseudonymiser } from '../../../src-main/core/pseudonym.js';
import { DEFAULT_LIMITS, Throttles } from '../../../src-main/core/throttle.js';
import { nameKey } from '../../../src-main/core/username.js';
import { normalise } from '../../../src-main/core/banned.js';

const LOOK_ALIKES: Record<string, string[]> = {
  a: ['а', 'А', 'α', 'Α', 'á', 'à', 'ä', 'å', 'ａ', 'Ａ', 'ª'],
  b: ['в', 'В', 'β', 'Β', 'ｂ'],
  c: ['с', 'С', 'ç', 'ｃ', 'ℂ'],
  d: ['ԁ', 'đ', 'ｄ', 'ⅾ'],
  e: ['е', 'Е', 'ε', 'Ε', 'é', 'ë', 'ｅ', 'ℯ'],
  h: ['һ', 'н', 'Н', 'Η', 'ｈ', 'ℎ'],
  i: ['і', 'ι', 'Ι', 'ï', 'ı', 'ｉ', 'ⅰ'],
  j: ['ј', 'Ј', 'ｊ', 'ȷ'],
  k: ['к', 'К', 'κ', 'Κ', 'K'],
  l: ['ӏ', 'ł', 'ｌ', 'ℓ'],
  m: ['м', 'М', 'Μ', 'ｍ'],
  n: ['ν', 'Ν', 'ñ', 'ｎ', 'ⁿ'],
  o: ['о', 'О', 'ο', 'Ο', 'ø', 'ö', 'ｏ', 'º'],
  p: ['р', 'Р', 'ρ', 'Ρ', 'ｐ'],
  s: ['ѕ', 'ſ', 'ś', 'š', 'ｓ'],
  t: ['т', 'Т', 'τ', 'Τ', 'ｔ'],
  x: ['х', 'Х', 'χ', 'Χ', 'ｘ'],
  y: ['у', 'У', 'υ', 'Υ', 'ý', 'ｙ'],
  z: ['ζ', 'Ζ', 'ž', 'ｚ'],
};
const INVISIBLES = ['\u200b', '\u00ad', '\u200c', '\u200d', '\u2060', '\ufeff', '\u200e', '\u202e', '\ufe0f', '\u034f'];

/** A spelling of `word` (ASCII): each letter itself, upper case or a look-alike, with invisibles between. */
const spelling = (word: string) =>
  fc
    .tuple(
      ...[...word].map((ch) =>
        fc.tuple(
          fc.constantFrom(ch, ch.toUpperCase(), ...(LOOK_ALIKES[ch.toLowerCase()] ?? [])),
          fc.option(fc.constantFrom(...INVISIBLES), { freq: 3 }),
        ),
      ),
    )
    .map((parts) => parts.map(([c, inv]) => c + (inv ?? '')).join(''));

const NAMES = ['janssen', 'dubois', 'bakker', 'vandenberg', 'eleonore', 'hendriks'];
const named = fc.constantFrom(...NAMES).chain((name) => fc.tuple(fc.constant(name), spelling(name), spelling(name)));

describe('foldKey', () => {
  it('folds the spellings the attack found to the name', () => {
    for (const s of [
      'Ｊａｎｓｓｅｎ',
      'Janſſen',
      'Jan\u200bssen',
      'Jаnssen',
      'JANSSEN',
      'Jan\u00adssen',
      'ＪＡＮＳＳＥＮ',
    ])
      expect(foldKey(s)).toBe('janssen');
    expect(foldKey('Dub\u00adois')).toBe('dubois');
  });

  it('folds every generated spelling to the same key, and is idempotent', () => {
    fc.assert(
      fc.property(named, ([name, a, b]) => {
        expect(foldKey(a)).toBe(name);
        expect(foldKey(b)).toBe(name);
        expect(foldKey(foldKey(a))).toBe(foldKey(a));
      }),
      { numRuns: 500 },
    );
  });

  it('is the budget key, the names rule form and the banned list form', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 20 }), (s) => void expect(nameKey(s)).toBe(foldKey(s))),
    );
    fc.assert(fc.property(named, ([name, a]) => void expect(normalise(a)).toBe(normalise(name))));
  });
});

describe('every spelling that folds to the same key', () => {
  it('is refused by the names rule, wherever it stands in the password', () => {
    fc.assert(
      fc.property(
        named,
        fc.constantFrom('', 'X', 'Zomer', '!!'),
        fc.constantFrom('2024!', '#1', '9'),
        ([name, typed], before, after) => {
          const words = forbiddenWords({ givenName: 'Piet', surname: name });
          const rules = checkPolicy(`${before}${typed}${after}`, { minLength: 8, forbiddenWords: words });
          expect(rules.find((r) => r.id === 'names')?.ok).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('shares one budget and is cleared by one clear under any other spelling', async () => {
    await fc.assert(
      fc.asyncProperty(named, async ([, a, b]) => {
        const t = new Throttles(DEFAULT_LIMITS);
        for (let i = 0; i < DEFAULT_LIMITS.identityPerUser.points; i++)
          expect((await t.take('identityPerUser', i % 2 ? a : b)).ok).toBe(true);
        expect((await t.take('identityPerUser', a)).ok).toBe(false);
        expect((await t.take('identityPerUser', b)).ok).toBe(false);
        await t.clear('identityPerUser', b);
        expect((await t.take('identityPerUser', a)).ok).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  describe('is found by one audit search', () => {
    let dir: string;
    beforeAll(() => void (dir = mkdtempSync(join(tmpdir(), 'rk-fold-'))));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('under its pseudonym (typed before the account was known) and under an account name', async () => {
      const pseudo = pseudonymiser('shared-key');
      let n = 0;
      await fc.assert(
        fc.asyncProperty(named, async ([, typed, searched]) => {
          const file = join(dir, `audit-${n++}.jsonl`);
          const sink = await FileAuditSink.open(file, { host: 'web-a' });
          await sink.record({ step: 'start', outcome: 'ok', user: pseudo(typed), client: '10.0.0.4' });
          await sink.record({ step: 'identity', outcome: 'wrong_birthdate', user: typed, client: '10.0.0.4' });
          await sink.close();
          const { matches } = await searchAudit([file], { users: [searched], pseudonymise: pseudo });
          expect(matches.map((m) => m.step)).toEqual(['start', 'identity']);
        }),
        { numRuns: 60 },
      );
    });
  });
});
