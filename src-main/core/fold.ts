// One folding for every place that compares names: the names rule (policy.ts), the banned list (banned.ts), the
// budget keys (username.ts nameKey), the audit pseudonyms (pseudonym.ts), `admin unblock` and `audit:search`.
// Two spellings that fold to the same key are one name everywhere: refused alike by the names rule, counted in
// one budget, cleared by one unblock, found by one search. Folding harder than Active Directory only ever joins
// names, never splits them.
//
// What it folds, in this order, repeated until stable:
// - compatibility forms and width (NFKD: Ｊ → J, ﬁ → fi, ℌ → H; Unicode UAX #15);
// - invisible characters: Unicode's Default_Ignorable_Code_Point (zero-width space, soft hyphen, joiners,
//   variation selectors, bidi controls) and the other format characters (\p{Cf});
// - combining marks (é → e), then letters with no decomposition to their base (ø → o, ł → l, ß → ss, æ → ae);
// - case: JavaScript has no full case folding, so lower → upper → lower (ß/ẞ → ss, ſ → s, ς/Σ → σ, K → k);
// - letters of Cyrillic and Greek that look like Latin ones (Unicode TR #39 confusables, the letters of the
//   Latin alphabet only): Cyrillic а в е к м н о р с т у х і ј ѕ һ ԁ ԛ ԝ ӏ, Greek α β ε ζ η ι κ μ ν ο ρ τ υ χ.

// Letters with no canonical decomposition, so stripping marks leaves them (KB 938447 reads ø as o).
const BASE: Record<string, string> = {
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ħ: 'h',
  ł: 'l',
  ŧ: 't',
  ı: 'i',
  ŀ: 'l',
  æ: 'ae',
  œ: 'oe',
  ĸ: 'k',
  ŋ: 'n',
  ȷ: 'j',
  ς: 'σ',
};

// Lower-case Cyrillic and Greek letters (after case folding) that are drawn like a Latin letter, in upper or
// lower case: Cyrillic "А" lower-cases to "а", which is drawn as "a" (TR #39 confusables.txt). One Latin
// letter per letter whatever its case, so the key never depends on case.
const CONFUSABLE: Record<string, string> = {
  // Cyrillic
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ї: 'i',
  ј: 'j',
  ѕ: 's',
  һ: 'h',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  ӏ: 'l',
  ү: 'y',
  ɡ: 'g',
  // Greek
  // (each letter as its capital is drawn, so the key does not depend on case: Η/η → h, Ν/ν → n, Υ/υ → y)
  α: 'a',
  β: 'b',
  ε: 'e',
  η: 'h',
  ι: 'i',
  κ: 'k',
  μ: 'm',
  ν: 'n',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'y',
  χ: 'x',
  ζ: 'z',
};
const MAPPED = new RegExp(`[${Object.keys({ ...BASE, ...CONFUSABLE }).join('')}]`, 'gu');

const INVISIBLE = /[\p{Mn}\p{Me}\p{Default_Ignorable_Code_Point}\p{Cf}]/gu;

function once(s: string): string {
  // Case first (some capitals carry what their small letter has
  // as a mark, ᾀ → ἈΙ), then decomposition, marks and invisibles, then the letter tables.
  const cased = s.normalize('NFKC').toLowerCase().toUpperCase().toLowerCase();
  return cased
    .normalize('NFKD')
    .replace(INVISIBLE, '')
    .replace(MAPPED, (c) => BASE[c] ?? CONFUSABLE[c]!);
}

/**
 * The comparison key of a name (or a password, for the names rule and the banned list): `Ｊａｎｓｓｅｎ`,
 * `Janſſen`, `Jan\u200bssen`, Cyrillic `Jаnssen` and `JANSSEN` all give `janssen`. Idempotent.
 */
export function foldKey(s: string): string {
  let key = s;
  for (let i = 0; i < 5; i++) {
    const next = once(key);
    if (next === key) break;
    key = next;
  }
  return key.normalize('NFC');
}
