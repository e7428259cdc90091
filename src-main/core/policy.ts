// The password rules of the staff manual ("Onze wachtwoord eisen"), one result per rule, with what the
// directory adds (its minimum length, AD complexity, its history length) and the banned-password rule.
// Pure and dependency-free: the renderer imports it for the live checklist; the server decides with the same code.
import type { PasswordPolicy, RuleResult } from './contract.js';
import { foldKey } from './fold.js';

/** Defaults: the manual's (history 5), no AD complexity, no banned rule. */
export type PolicyOptions = { minLength: number; forbiddenWords: readonly string[] } & Partial<
  Pick<PasswordPolicy, 'complexity' | 'history' | 'banned'>
>;

/**
 * Case-, accent-, width- and look-alike-insensitive comparison form (core/fold.ts, the same folding as the
 * budget keys): "Eléonore" → "eleonore", "Çağrı" → "cagri", "Ｊａｎｓｓｅｎ", "Janſſen", "Jan\u200bssen" → "janssen".
 */
export const fold = foldKey;

// Dutch surname particles ("van der Berg"): too common to ban on their own.
const PARTICLES = new Set(['van', 'der', 'den', 'de', 'het', 'ter', 'ten', 'op', 'in', "'t", 'la', 'le', 'du', 'von']);

/**
 * The name parts that must not occur: first name, surname (also joined), display name parts of ≥ 3 letters
 * (split where AD splits them: , . - _ # space tab), and the account name (AD complexity checks it whole).
 */
export function forbiddenWords(user: {
  givenName: string;
  surname: string;
  displayName?: string;
  username?: string;
}): string[] {
  const words = new Set<string>();
  const add = (w: string) => {
    const f = fold(w);
    if (f.length >= 3 && !PARTICLES.has(f)) words.add(f);
  };
  const tokens = (s: string) => s.split(/[\s\-.,_#]+/).filter(Boolean);
  for (const part of [user.givenName, user.surname, user.displayName ?? '']) tokens(part).forEach(add);
  add(tokens(user.surname).join('')); // "van der Berg" typed as "vanderberg"
  if (user.username) add(user.username);
  return [...words];
}

// AD "Password must meet complexity requirements": 3 of these 5 kinds (learn.microsoft.com, Windows security
// policy settings). Its special characters are this list only: € or £ do not count.
const KINDS = [/\p{Lu}/u, /\p{Ll}/u, /[0-9]/, /[~!@#$%^&*_\-+=`|\\(){}[\]:;"'<>,.?/]/, /[\p{Lo}\p{Lt}\p{Lm}]/u];
const adComplex = (password: string) => KINDS.filter((k) => k.test(password)).length >= 3;

/**
 * Judges the five rules that need nothing but the password; `history` (only the directory knows) and `banned`
 * (the list lives on the server) are left open (null) for the server to fill in. With AD complexity, a password
 * whose "leesteken" is one AD does not count (€) fails the punctuation rule, which is what fixes it.
 */
export function checkPolicy(password: string, opts: PolicyOptions): RuleResult[] {
  const folded = fold(password);
  const rules: RuleResult[] = [
    { id: 'length', ok: [...password].length >= opts.minLength },
    { id: 'upper', ok: /\p{Lu}/u.test(password) },
    { id: 'digit', ok: /\p{Nd}/u.test(password) },
    { id: 'punctuation', ok: /[^\p{L}\p{N}\s]/u.test(password) && (!opts.complexity || adComplex(password)) },
    { id: 'names', ok: password.length > 0 && !opts.forbiddenWords.some((w) => folded.includes(fold(w))) },
  ];
  if ((opts.history ?? 5) > 0) rules.push({ id: 'history', ok: null });
  if (opts.banned) rules.push({ id: 'banned', ok: null });
  return rules;
}

export const allPass = (rules: readonly RuleResult[]): boolean => rules.every((r) => r.ok !== false);
