// The list of common and breached passwords behind the banned rule: @zxcvbn-ts/language-common's
// "passwords-common": 49 233 passwords, 48 642 distinct terms of 4 or more characters after our normalisation (MIT). zxcvbn-ts builds it from Mark
// Burnett's 10 million leaked passwords (xato.net, 2015): every password seen more than 10 times, ranked by
// how often, minus the ones its own patterns (dates, sequences, repeats) already find. Matched exactly, as
// substrings of 4 or more characters: one edit away over 48 000 terms would refuse most Dutch passphrases
// (measured: see README "Password rules"). Loaded on first use, once per process; never in the wizard bundle.
import { BannedTerms } from '../core/banned.js';

let loading: Promise<BannedTerms> | undefined;

/** The indexed list (≈ 0.1–0.5 s and ≈ 4 MB of heap the first time; the same promise afterwards). */
export function commonPasswords(): Promise<BannedTerms> {
  loading ??= import('@zxcvbn-ts/language-common').then(({ dictionary }) => {
    const list = dictionary['passwords-common'];
    if (!Array.isArray(list) || list.length < 10_000) throw new Error('@zxcvbn-ts/language-common: passwords-common is missing or too short');
    return buildInSlices(list as string[]);
  });
  return loading;
}

/** Normalising 49 000 terms takes a few hundred ms of CPU: in slices, so requests meanwhile are not held up. */
async function buildInSlices(list: readonly string[]): Promise<BannedTerms> {
  const terms = new BannedTerms([], { fuzzy: false, minLength: 4 });
  for (let i = 0; i < list.length; i += 2000) {
    terms.add(list.slice(i, i + 2000));
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return terms;
}
