// The long list of banned terms (tens of thousands of breached passwords, matched exactly) in a compact form: the
// prepared terms (banned.ts prepareTerm) grouped by length, each group one string of its terms back to back in
// ascending code unit order, found by binary search. About 0.35 MB for 48 000 terms, where a Set of as many
// strings holds ≈ 3 MB and takes its hash table and 48 000 string objects through every garbage collection.
// Loading makes one string per length, not one per term: start-up never runs a loop over the whole list.
// Pure, no I/O: the text is given (passwords/common-list.ts reads it from resources/common-passwords.txt).
import { MAX_TERM, type TermList } from './banned.js';

export class SortedTerms implements TermList {
  /** byLength[n]: the terms of n UTF-16 code units, concatenated, sorted; "" when there are none. */
  private readonly byLength: string[];
  readonly size: number;

  /**
   * `groups`: one line per length, "<length>\t<its terms, back to back, sorted>". Throws when a line is not: a
   * list read wrongly must stop the rule (fail closed), never shrink it.
   */
  constructor(groups: string, minLength: number) {
    this.byLength = new Array<string>(2 * MAX_TERM + 1).fill('');
    let size = 0;
    for (const line of groups.split('\n')) {
      if (line === '') continue;
      const m = /^(\d+)\t/.exec(line);
      const length = Number(m?.[1]);
      const terms = line.slice((m?.[0] ?? '').length);
      if (!m || length < minLength || length > 2 * MAX_TERM || terms.length % length !== 0 || terms === '')
        throw new Error(`banned list: a line is not "<length>\\t<terms of that length>"`);
      if (this.byLength[length] !== '') throw new Error(`banned list: two lines of length ${length}`);
      if (/\p{Cc}/u.test(terms)) throw new Error('banned list: a term holds a control character');
      this.byLength[length] = terms;
      size += terms.length / length;
    }
    this.size = size;
  }

  /** Whether `s` is a term. */
  has(s: string): boolean {
    const group = this.byLength[s.length];
    if (!group) return false;
    const n = s.length;
    let lo = 0;
    let hi = group.length / n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const d = compareAt(s, group, mid * n);
      if (d === 0) return true;
      if (d > 0) lo = mid + 1;
      else hi = mid;
    }
    return false;
  }

  endsAt(p: readonly string[], start: number): number[] {
    const ends: number[] = [];
    let s = '';
    // Code points, as BannedTerms counts them; the groups are by code unit.
    for (let m = 1; start + m <= p.length; m++) {
      s += p[start + m - 1]!;
      if (s.length >= this.byLength.length) break;
      if (this.has(s)) ends.push(start + m);
    }
    return ends;
  }
}

/** s against the term of s's length at `at` in `group`, by code unit as "<" orders strings: < 0, 0 or > 0. */
function compareAt(s: string, group: string, at: number): number {
  for (let k = 0; k < s.length; k++) {
    const d = s.charCodeAt(k) - group.charCodeAt(at + k);
    if (d !== 0) return d;
  }
  return 0;
}

/** What SortedTerms reads: the distinct terms grouped by length, each group sorted (the generator of
 *  resources/common-passwords.txt, test/unit/passwords/common-list.test.ts, writes the list with it). */
export function groupTerms(terms: Iterable<string>): string {
  const groups = new Map<number, string[]>();
  for (const term of new Set(terms)) {
    const group = groups.get(term.length);
    if (group) group.push(term);
    else groups.set(term.length, [term]);
  }
  return [...groups]
    .sort(([a], [b]) => a - b)
    .map(([length, group]) => `${length}\t${group.sort().join('')}\n`)
    .join('');
}
