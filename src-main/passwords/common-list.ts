// The list of common and breached passwords behind the banned rule: @zxcvbn-ts/language-common's
// "passwords-common": 49 233 passwords, 48 642 distinct terms of 4 or more characters after our normalisation (MIT).
// zxcvbn-ts builds it from Mark Burnett's 10 million leaked passwords (xato.net, 2015): every password seen more than
// 10 times, ranked by how often, minus the ones its own patterns (dates, sequences, repeats) already find. Matched
// exactly, as substrings of 4 or more characters: one edit away over 48 000 terms would refuse most Dutch
// passphrases (measured: see docs/security.md "Password rules"). Loaded once per process; never in the wizard bundle.
import { existsSync } from 'node:fs';
import { setImmediate as yieldToRequests } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { BannedTerms } from '../core/banned.js';
import { loadCommonList, MIN_COMMON_TERM, prepareSlice } from './common-terms.js';

let loading: Promise<BannedTerms> | undefined;

/** The indexed list (≈ 0.2 s and ≈ 9 MB of memory the first time; the same promise afterwards). */
export function commonPasswords(): Promise<BannedTerms> {
  loading ??= preparedTerms().then((terms) => {
    const list = new BannedTerms([], { fuzzy: false, minLength: MIN_COMMON_TERM });
    for (const term of terms) list.addPrepared(term);
    return list;
  });
  return loading;
}

const WORKER = new URL('./common-list-worker.js', import.meta.url);

/** In a worker thread when built (its garbage never reaches this heap); from the TypeScript sources, here. */
function preparedTerms(): Promise<string[]> {
  return existsSync(fileURLToPath(WORKER)) ? inWorker() : inSlices();
}

function inWorker(): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER);
    worker.once('message', (joined: string) => resolve(joined.split('\n')));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`banned-password worker exited (${code}) without a list`)));
  });
}

/** The same work on this thread, in slices, so requests meanwhile are not held up (tests run from the sources). */
async function inSlices(): Promise<string[]> {
  const list = await loadCommonList();
  const terms: string[] = [];
  for (let i = 0; i < list.length; i += 2000) {
    terms.push(...prepareSlice(list, i, i + 2000));
    await yieldToRequests();
  }
  return terms;
}
