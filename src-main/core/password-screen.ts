// The banned-password screen (ports/passwords.ts) built from the pure rule (banned.ts) and what is injected: the
// breached-password list (loaded once, lazily, by the composition root) and, optionally, an online breach check
// (HIBP, off by default). Three lists: the breached passwords (exact), the Dutch spraying words and the
// organisation's own (one edit away), and last/this/next year (exact; recomputed when the year turns).
import { BannedTerms, isBanned, type TermList } from './banned.js';
import { DUTCH_GUESSABLE, organisationWords, yearWords, type OrganisationWordsInput } from './guessable-words.js';
import type { BreachCheck, PasswordScreen } from './ports/passwords.js';

export type ScreenDeps = {
  /** The long list of breached passwords, matched exactly (a promise: loaded once, on first use or in the background). */
  common: () => Promise<TermList>;
  breach?: BreachCheck | undefined;
  now: () => number;
};

export function createPasswordScreen(deps: ScreenDeps, words: OrganisationWordsInput): PasswordScreen {
  // Matched one edit away: the organisation's words and the Dutch spraying vocabulary (a few hundred terms).
  const guessable = new BannedTerms([...DUTCH_GUESSABLE, ...organisationWords(words)], { fuzzy: true });
  let years: { key: string; terms: BannedTerms } | undefined;
  const yearTerms = (): BannedTerms => {
    const list = yearWords(deps.now());
    if (years?.key !== list.join()) years = { key: list.join(), terms: new BannedTerms(list, { fuzzy: false }) };
    return years.terms;
  };
  return {
    async isBanned(password, { online }) {
      if (isBanned(password, [await deps.common(), guessable, yearTerms()])) return true;
      if (!online || !deps.breach) return false;
      return (await deps.breach.isBreached(password)) === true;
    },
  };
}
