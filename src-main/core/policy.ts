// The password rules of the staff manual ("Onze wachtwoord eisen"), one result per rule.
// Pure and dependency-free: the renderer imports it for the live checklist; the server decides with the same code.
import type { RuleResult } from './contract.js';

export type PolicyOptions = { minLength: number; forbiddenWords: readonly string[] };

// Letters that carry no combining mark in Unicode, so NFD alone does not strip them.
const BASE_LETTERS: Record<string, string> = { ı: 'i', ø: 'o', ł: 'l', đ: 'd', æ: 'ae', œ: 'oe', ß: 'ss' };

/** Case- and accent-insensitive comparison form: "Eléonore" → "eleonore", "Çağrı" → "cagri". */
export const fold = (s: string): string =>
  s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[ıøłđæœß]/g, (c) => BASE_LETTERS[c] ?? c);

// Dutch surname particles ("van der Berg"): too common to ban on their own.
const PARTICLES = new Set(['van', 'der', 'den', 'de', 'het', 'ter', 'ten', 'op', 'in', "'t", 'la', 'le', 'du', 'von']);

/** The name parts that must not occur: first name, surname (also joined), display name parts of ≥ 3 letters. */
export function forbiddenWords(user: { givenName: string; surname: string; displayName?: string }): string[] {
  const words = new Set<string>();
  const add = (w: string) => {
    const f = fold(w);
    if (f.length >= 3 && !PARTICLES.has(f)) words.add(f);
  };
  const tokens = (s: string) => s.split(/[\s\-.,_]+/).filter(Boolean);
  for (const part of [user.givenName, user.surname, user.displayName ?? '']) tokens(part).forEach(add);
  add(tokens(user.surname).join('')); // "van der Berg" typed as "vanderberg"
  return [...words];
}

/** Checks the five rules that can be judged without the directory; `history` is left to the directory (null). */
export function checkPolicy(password: string, opts: PolicyOptions): RuleResult[] {
  const folded = fold(password);
  return [
    { id: 'length', ok: [...password].length >= opts.minLength },
    { id: 'upper', ok: /\p{Lu}/u.test(password) },
    { id: 'digit', ok: /\p{Nd}/u.test(password) },
    { id: 'punctuation', ok: /[^\p{L}\p{N}\s]/u.test(password) },
    { id: 'names', ok: password.length > 0 && !opts.forbiddenWords.some((w) => folded.includes(fold(w))) },
    { id: 'history', ok: null },
  ];
}

export const allPass = (rules: readonly RuleResult[]): boolean => rules.every((r) => r.ok !== false);
