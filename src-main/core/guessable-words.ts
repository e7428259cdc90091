// The words an attacker tries first on a Dutch care organisation's accounts (password spraying: one or two
// guesses per account, built from the season, the month, a greeting, the employer and the year). These are
// matched fuzzily (banned.ts: one edit away), unlike the long list of breached passwords, which matches exactly.
// NIST SP 800-63B 5.1.1.2: check against "context-specific words, such as the name of the service".

const SEASONS = ['lente', 'voorjaar', 'zomer', 'herfst', 'najaar', 'winter'];
const MONTHS = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];
const DAYS = ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag', 'weekend'];
const GREETINGS = ['welkom', 'welcome', 'hallo', 'hoi', 'hello', 'goedemorgen', 'goedemiddag', 'goedenavond', 'doei'];
// What a reset or a first day invites: "Wachtwoord1!", "Nieuw2026!", "Geheim#1".
const RESET_WORDS = [
  'wachtwoord',
  'password',
  'paswoord',
  'geheim',
  'nieuw',
  'nieuwe',
  'inloggen',
  'welkom',
  'start',
  'begin',
  'test',
  'admin',
  'gebruiker',
  'medewerker',
  'zorg',
  'ziekenhuis',
  'servicedesk',
  'helpdesk',
];
// Runs a finger makes without thinking: digit sequences and keyboard rows.
const RUNS = [
  '0123456789',
  '9876543210',
  'qwertyuiop',
  'asdfghjkl',
  'zxcvbnm',
  'azertyuiop',
  'qwertz',
  '1qaz2wsx',
].flatMap((run) => [...run].flatMap((_, i) => (i + 3 <= run.length ? [run.slice(i, i + 3)] : [])));

export const DUTCH_GUESSABLE: readonly string[] = [
  ...new Set([...SEASONS, ...MONTHS, ...DAYS, ...GREETINGS, ...RESET_WORDS, ...RUNS]),
];

export type OrganisationWordsInput = {
  organisation: string;
  servicedesk: string;
  applications: readonly string[];
  /** The configured list (`password.banned.words`). */
  extra: readonly string[];
};

/**
 * The organisation's own words: its name, the servicedesk's name and the applications the password opens,
 * each as a whole ("beterdichtbij") and in its parts ("beter", "dichtbij"), plus the configured list.
 */
export function organisationWords(input: OrganisationWordsInput): string[] {
  const words = new Set<string>();
  for (const name of [input.organisation, input.servicedesk, ...input.applications, ...input.extra]) {
    const parts = name.split(/[^\p{L}\p{N}]+|(?<=\p{Ll})(?=\p{Lu})/u).filter((p) => p.length >= 3);
    parts.forEach((p) => words.add(p.toLowerCase()));
    const whole = name.replace(/[^\p{L}\p{N}]+/gu, '').toLowerCase();
    if (whole.length >= 3) words.add(whole);
  }
  return [...words];
}

/** Last, this and next year: "Zomer2026!" is tried from autumn 2025 until spring 2027. */
export const yearWords = (now: number): string[] => {
  const year = new Date(now).getUTCFullYear();
  return [year - 1, year, year + 1].map(String);
};
