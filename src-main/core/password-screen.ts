// The banned-password rule as the flow sees it (a port): is this new password common or easy to guess?
// The rule itself is pure (banned.ts); what it needs from outside is injected: the breached-password list
// (loaded once, lazily, by the composition root) and, optionally, an online breach check (HIBP, off by default).
// The password is only ever compared in memory: never logged, stored, or sent anywhere but (hashed, first 5 hex
// digits only) to the breach check when that is switched on.
import { BannedTerms, isBanned } from './banned.js';
import { DUTCH_GUESSABLE, organisationWords, yearWords, type OrganisationWordsInput } from './guessable-words.js';

export interface PasswordScreen {
  /**
   * true = refuse it. `online`: may also ask the breach check (the flow asks only once every other rule
   * passed, so a half-typed password never leaves the server, even hashed).
   */
  isBanned(password: string, opts: { online: boolean }): Promise<boolean>;
}

/** "Known from a breach": true / false, or undefined when the check could not answer (fail open, logged). */
export interface BreachCheck {
  isBreached(password: string): Promise<boolean | undefined>;
}

export type ScreenDeps = {
  /** The long list of breached passwords, matched exactly (a promise: loaded once, on first use or in the background). */
  common: () => Promise<BannedTerms>;
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
