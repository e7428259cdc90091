// The list of common and breached passwords behind the banned rule: @zxcvbn-ts/language-common's
// "passwords-common": 49 233 passwords, 48 642 distinct terms of 4 or more characters after our normalisation (MIT).
// zxcvbn-ts builds it from Mark Burnett's 10 million leaked passwords (xato.net, 2015): every password seen more than
// 10 times, ranked by how often, minus the ones its own patterns (dates, sequences, repeats) already find. Matched
// exactly, as substrings of 4 or more characters: one edit away over 48 000 terms would refuse most Dutch
// passphrases (measured: see docs/security.md "Password rules"). Never in the wizard bundle.
//
// The terms ship prepared (normalised, distinct, sorted) in resources/common-passwords.txt, which
// test/unit/passwords/common-list.test.ts generates from the package with core/banned.ts's prepareTerm and keeps
// in step with it. Tests, the web host and the kiosk all read that one file here, the same way: ≈ 5 ms and
// ≈ 0.35 MB (core/sorted-terms.ts), no normalising of 49 000 passwords at every start, no worker thread.
import { readFileSync } from 'node:fs';
import { SortedTerms } from '../core/sorted-terms.js';
import { resourcePath } from '../resources.js';

export const MIN_COMMON_TERM = 4;
export const COMMON_LIST_FILE = 'common-passwords.txt';

let loading: Promise<SortedTerms> | undefined;

/** The indexed list, read once per process (the same promise afterwards; a failure stays a failure). */
export function commonPasswords(): Promise<SortedTerms> {
  // Read at once (≈ 1 ms for 380 kB): an asynchronous read would start libuv's thread pool (4 threads, each with its
  // own malloc arena) in a host that otherwise never needs it.
  loading ??= Promise.resolve().then(() => parseCommonList(readFileSync(resourcePath(COMMON_LIST_FILE), 'utf8')));
  return loading;
}

/** The file's terms: after a header (the source and its licence, every line "#…") that ends at the first empty line. */
export function parseCommonList(text: string): SortedTerms {
  const body = text.indexOf('\n\n');
  if (body === -1) throw new Error(`${COMMON_LIST_FILE}: no empty line after the header`);
  const terms = new SortedTerms(text.slice(body + 2), MIN_COMMON_TERM);
  if (terms.size < 10_000) throw new Error(`${COMMON_LIST_FILE}: ${terms.size} terms, expected tens of thousands`);
  return terms;
}
