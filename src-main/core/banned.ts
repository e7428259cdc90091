// The banned-password rule, in the spirit of Microsoft Entra Password Protection ("Eliminate bad passwords",
// learn.microsoft.com/entra/identity/authentication/concept-password-ban-bad): (1) normalise, (2) find banned
// terms in the normalised password, exactly or one edit away, (3) score: each banned term found is 1 point,
// every other character 1 point, and a password needs at least 5. Pure, no I/O: the word lists are given.
//
// Where we are stricter than Entra, on purpose (the attacks on Dutch care accounts spray exactly these):
// - more substitutions (3→e 4→a 5→s 7→t 8→b 9→g €→e +→t, and 1/i/l/| fold to one letter, so W1nter = Winter);
//   Entra documents 0→o 1→l $→s @→a only;
// - a character that repeats the one before it scores nothing ("!!!" is 1 point, not 3);
// - the scoring takes the cheapest reading of the password (a DP over all matches), as an attacker would.
// Terms shorter than 3 are ignored; terms of 3–4 characters match exactly only (one edit away from "mei" is
// half the language); terms of 5 or more also match one substitution, insertion or deletion away (Levenshtein 1).

import { foldKey } from './fold.js';

export const MIN_POINTS = 5;
const MIN_TERM = 3;
const MIN_FUZZY = 5;
export const MAX_TERM = 24;

const SUBSTITUTIONS: Record<string, string> = {
  '0': 'o',
  '1': 'l',
  i: 'l',
  '|': 'l',
  '3': 'e',
  '€': 'e',
  '4': 'a',
  '@': 'a',
  '5': 's',
  $: 's',
  '7': 't',
  '+': 't',
  '8': 'b',
  '9': 'g',
};
const MAPPED = new RegExp(`[${Object.keys(SUBSTITUTIONS).join('').replace(/[$|+]/g, '\\$&')}]`, 'gu');

// The product's one folding (core/fold.ts: width, invisibles, marks, case, Latin look-alikes), then the digits
// and signs people type for letters.
const once = (s: string): string => foldKey(s).replace(MAPPED, (c) => SUBSTITUTIONS[c]!);

/**
 * The comparison form of a password or a banned term: compatibility forms folded (ｗ → w, ﬁ → fi), accents and
 * case dropped, look-alike characters mapped to one letter. Applied until stable, so it is idempotent.
 */
export function normalise(s: string): string {
  let prev = s;
  for (let i = 0; i < 4; i++) {
    const next = once(prev);
    if (next === prev) return next;
    prev = next;
  }
  return prev;
}

const WILD = '\u0000'; // never in a normalised term: terms with a control character are dropped

/** The comparison form of a banned term, or undefined when it is too short, too long or holds a control character. */
export function prepareTerm(raw: string, minLength = MIN_TERM): string | undefined {
  const term = normalise(raw.trim());
  const length = [...term].length;
  return length < minLength || length > MAX_TERM || /[\p{Cc}]/u.test(term) ? undefined : term;
}

/** A list of banned terms as points() reads it: every term found at a position of the normalised password. */
export interface TermList {
  /** End positions (exclusive) of every term found at `start` in the normalised password `p` (code points). */
  endsAt(p: readonly string[], start: number): number[];
}

/** A set of banned terms, indexed for "contains a term, exactly or one edit away". Build once, query often. */
export class BannedTerms implements TermList {
  private readonly exact = new Set<string>();
  /** Fuzzy terms with one position replaced by WILD: finds a substitution, and (with WILD inserted) a deletion. */
  private readonly wild = new Set<string>();
  private longest = 0;

  /** `fuzzy`: also one edit away (terms of 5 or more); `minLength`: shorter terms are dropped (default 3). */
  constructor(
    terms: Iterable<string>,
    private readonly opts: { fuzzy: boolean; minLength?: number },
  ) {
    this.add(terms);
  }

  /** Adds terms (lets a caller build a long list in slices, so the event loop is never held for long). */
  add(terms: Iterable<string>): void {
    for (const raw of terms) {
      const term = prepareTerm(raw, this.opts.minLength);
      if (term !== undefined) this.addPrepared(term);
    }
  }

  /** Adds a term that prepareTerm() already produced (e.g. in a worker thread). */
  addPrepared(term: string): void {
    if (this.exact.has(term)) return;
    this.exact.add(term);
    // UTF-16 length: exact for the (nearly all ASCII) lists, an upper bound otherwise; no array per term.
    this.longest = Math.max(this.longest, term.length);
    if (!this.opts.fuzzy) return;
    const chars = [...term];
    if (chars.length >= MIN_FUZZY) chars.forEach((_, j) => this.wild.add(replaceAt(chars, j)));
  }

  get size(): number {
    return this.exact.size;
  }

  /** End positions (exclusive) of every term found at `start` in the normalised password `p`. */
  endsAt(p: readonly string[], start: number): number[] {
    const ends: number[] = [];
    const max = Math.min(p.length - start, this.longest + 1);
    for (let m = 1; m <= max; m++) if (this.matches(p.slice(start, start + m))) ends.push(start + m);
    return ends;
  }

  /** Whether `s` (code points) is a term, or one edit from a fuzzy term. */
  private matches(s: readonly string[]): boolean {
    const m = s.length;
    if (m >= MIN_TERM && m <= this.longest && this.exact.has(s.join(''))) return true;
    if (m >= MIN_FUZZY && m <= this.longest && s.some((_, j) => this.wild.has(replaceAt(s, j)))) return true; // substitution
    if (this.opts.fuzzy && m - 1 >= MIN_FUZZY && s.some((_, j) => this.exact.has(removeAt(s, j)))) return true; // one character added
    if (m + 1 >= MIN_FUZZY && m + 1 <= this.longest) {
      for (let j = 0; j <= m; j++) if (this.wild.has([...s.slice(0, j), WILD, ...s.slice(j)].join(''))) return true; // one left out
    }
    return false;
  }
}

const replaceAt = (s: readonly string[], j: number) => [...s.slice(0, j), WILD, ...s.slice(j + 1)].join('');
const removeAt = (s: readonly string[], j: number) => [...s.slice(0, j), ...s.slice(j + 1)].join('');

/**
 * The password's points: the cheapest split into banned terms (1 point each) and other characters (1 point
 * each, 0 when it repeats the character before it). Stops counting at MIN_POINTS: only "enough" matters.
 */
export function points(password: string, lists: readonly TermList[]): number {
  const p = [...normalise(password)];
  // Every term is at most MAX_TERM + 1 long, so a password this long scores ≥ MIN_POINTS whatever it holds.
  if (p.length >= MIN_POINTS * (MAX_TERM + 1)) return MIN_POINTS;
  const cost = new Array<number>(p.length + 1).fill(0);
  for (let i = p.length - 1; i >= 0; i--) {
    let best = (i > 0 && p[i] === p[i - 1] ? 0 : 1) + cost[i + 1]!;
    for (const list of lists) for (const end of list.endsAt(p, i)) best = Math.min(best, 1 + cost[end]!);
    cost[i] = best;
  }
  return Math.min(cost[0]!, MIN_POINTS);
}

/** True when the password is common or easy to guess from the lists (fewer than MIN_POINTS points). */
export const isBanned = (password: string, lists: readonly TermList[]): boolean => points(password, lists) < MIN_POINTS;
