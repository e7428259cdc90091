// The long list of banned terms (tens of thousands of breached passwords, matched exactly) in a compact form: the
// prepared terms (banned.ts prepareTerm) sorted by UTF-16 code unit and joined by "\n" in one string, found by
// binary search. About 0.6 MB for 48 000 terms (the text plus one offset each), where a Set of as many strings
// holds ≈ 3 MB and takes its hash table and 48 000 string objects through every garbage collection.
// Pure, no I/O: the text is given (passwords/common-list.ts reads it from resources/common-passwords.txt).
import { MAX_TERM, type TermList } from './banned.js';

export class SortedTerms implements TermList {
  /** starts[i]: where term i begins in `text`; term i ends one before starts[i + 1] (its "\n"). */
  private readonly starts: Uint32Array;
  private readonly longest: number;

  /**
   * `text`: distinct prepared terms, one a line, in ascending code unit order (a last "\n" optional). Throws when it
   * is not: a list read wrongly must stop the rule (fail closed), never shrink it.
   */
  constructor(
    private readonly text: string,
    private readonly minLength: number,
  ) {
    const body = text.endsWith('\n') ? text : `${text}\n`;
    this.text = body;
    const starts: number[] = [0];
    let longest = 0;
    for (let at = body.indexOf('\n'); at !== -1; at = body.indexOf('\n', at + 1)) {
      const from = starts.at(-1)!;
      const length = at - from;
      if (length < minLength || length > 2 * MAX_TERM)
        throw new Error(`banned list: term ${starts.length} is empty or too long`);
      if (starts.length > 1 && this.compareAt(body.slice(from, at), starts.length - 2, starts) <= 0)
        throw new Error(`banned list: term ${starts.length} is out of order or repeated`);
      longest = Math.max(longest, length);
      starts.push(at + 1);
    }
    if (/(?!\n)\p{Cc}/u.test(body)) throw new Error('banned list: a term holds a control character');
    this.starts = Uint32Array.from(starts);
    this.longest = longest;
  }

  get size(): number {
    return this.starts.length - 1;
  }

  /** Whether `s` is a term. */
  has(s: string): boolean {
    const i = this.lowerBound(s);
    return i < this.size && this.compareAt(s, i) === 0;
  }

  endsAt(p: readonly string[], start: number): number[] {
    const ends: number[] = [];
    let s = '';
    // Code points, as BannedTerms counts them; `longest` is in code units, an upper bound.
    for (let m = 1; m <= p.length - start && s.length < this.longest; m++) {
      s += p[start + m - 1]!;
      const i = this.lowerBound(s);
      if (i === this.size || !this.startsWith(i, s)) break; // no term begins with s: none with a longer s either
      if (m >= this.minLength && this.compareAt(s, i) === 0) ends.push(start + m);
    }
    return ends;
  }

  /** The first term ≥ s (the sorted terms that begin with s follow it). */
  private lowerBound(s: string): number {
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compareAt(s, mid) > 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** s compared with term i, by code unit as Array.prototype.sort and "<" order strings: < 0, 0 or > 0. */
  private compareAt(s: string, i: number, starts: ArrayLike<number> = this.starts): number {
    const from = starts[i]!;
    const length = starts[i + 1]! - 1 - from;
    const n = Math.min(s.length, length);
    for (let k = 0; k < n; k++) {
      const d = s.charCodeAt(k) - this.text.charCodeAt(from + k);
      if (d !== 0) return d;
    }
    return s.length - length;
  }

  private startsWith(i: number, s: string): boolean {
    const from = this.starts[i]!;
    return this.starts[i + 1]! - 1 - from >= s.length && this.text.startsWith(s, from);
  }
}
