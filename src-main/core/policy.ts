// The password rules of the staff manual ("Onze wachtwoord eisen"), one result per rule.
// Pure and dependency-free: the renderer imports it for the live checklist; the server decides with the same code.
import type { RuleResult } from './contract.js';

export type PolicyOptions = { minLength: number; forbiddenWords: readonly string[] };

/** Case- and accent-insensitive comparison form: "Eléonore" → "eleonore". */
export const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

// Dutch surname particles ("van der Berg"): too common to ban on their own.
const PARTICLES = new Set(['van', 'der', 'den', 'de', 'het', 'ter', 'ten', 'op', 'in', "'t", 'la', 'le', 'du', 'von']);

/** The name parts that must not occur: first name, surname (also joined), display name parts of ≥ 3 letters. */
export function forbiddenWords(user: { givenName: string; surname: string; displayName?: string }): string[] {
  const words = new Set<string>();
  const add = (w: string) => {
    const f = fold(w);
    if (f.length >= 3 && !PARTICLES.has(f)) words.add(f);
  };
  for (const part of [user.givenName, user.surname, user.displayName ?? '']) {
    const tokens = part.split(/[\s\-.,_]+/).filter(Boolean);
    tokens.forEach(add);
    if (tokens.length > 1) add(tokens.join(''));
  }
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
