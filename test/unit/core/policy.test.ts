import { describe, expect, it } from 'vitest';
import { allPass, checkPolicy, fold, forbiddenWords } from '../../../src-main/core/policy.js';

const anna = forbiddenWords({ givenName: 'Anna', surname: 'Janssen', displayName: 'Anna Janssen' });
const failing = (pw: string, words = anna) =>
  checkPolicy(pw, { minLength: 8, forbiddenWords: words })
    .filter((r) => r.ok === false)
    .map((r) => r.id);

describe("password policy (the manual's six rules)", () => {
  it('accepts a password that meets every rule; history is left to the directory', () => {
    const rules = checkPolicy('Zomer#2026x', { minLength: 8, forbiddenWords: anna });
    expect(allPass(rules)).toBe(true);
    expect(rules.find((r) => r.id === 'history')?.ok).toBeNull();
  });

  it.each([
    ['Ab#1234', ['length']],
    ['zomer#2026', ['upper']],
    ['Zomer#zomer', ['digit']],
    ['Zomer2026x', ['punctuation']],
    ['Zomer 2026x', ['punctuation']],
    ['Anna#2024x', ['names']],
    ['xJANSSEN#1', ['names']],
    ['', ['length', 'upper', 'digit', 'punctuation', 'names']],
  ])('%j fails %j', (pw, ids) => expect(failing(pw)).toEqual(ids));

  it('compares names case- and accent-insensitively', () => {
    const words = forbiddenWords({ givenName: 'Eléonore', surname: 'Dubois' });
    expect(failing('ELEONORE#2024', words)).toEqual(['names']);
    expect(failing('Éléonore#2024', words)).toEqual(['names']);
    expect(failing('Dubo1s#2024', words)).toEqual([]);
  });

  it('bans surname parts and the joined surname but not particles like "van der"', () => {
    const words = forbiddenWords({ givenName: 'Pieter', surname: 'van der Berg' });
    expect(words).toEqual(expect.arrayContaining(['pieter', 'berg', 'vanderberg']));
    expect(words).not.toContain('van');
    expect(failing('Vandaag#2026', words)).toEqual([]);
  });

  it('counts characters, not UTF-16 units, for the length', () => {
    expect(failing('Aa1#😀😀😀')).toEqual(['length']);
  });

  it('folds accents', () => expect(fold('Çağrı Öztürk')).toBe('cagri ozturk'));
});
