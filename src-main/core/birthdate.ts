// The manual asks for dd-mm-jjjj; people also type 1-10-1984, 01/10/1984, 01.10.1984, 01 10 1984 (spaces, also
// around a dash) or 01101984 (a phone's number pad has no dash). Anything that is not a real calendar date gets the
// format message (never counted as a failed identity try); a 2-digit year is never guessed.

const PATTERN = /^(\d{1,2})\s*[-/. ]\s*(\d{1,2})\s*[-/. ]\s*(\d{4})$|^(\d{2})(\d{2})(\d{4})$/;

/** Returns ISO `YYYY-MM-DD`, or null when the input is not a possible date of birth. */
export function parseBirthdate(input: string, today: Date = new Date()): string | null {
  const m = PATTERN.exec(input.trim());
  if (!m) return null;
  const [day, month, year] = m[1]
    ? [Number(m[1]), Number(m[2]), Number(m[3])]
    : [Number(m[4]), Number(m[5]), Number(m[6])];
  if (year < 1900 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCDate() !== day || date.getUTCMonth() !== month - 1) return null; // 31-02, 29-02 of a non-leap year
  if (date.getTime() > today.getTime()) return null;
  return iso(year, month, day);
}

/** Normalises what a directory stores (`YYYY-MM-DD`, `YYYYMMDD`, `dd-mm-jjjj`) to ISO, or undefined. */
export function parseStoredBirthdate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const v = value.trim();
  let m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(v);
  if (m) return valid(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(v);
  if (m) return valid(Number(m[3]), Number(m[2]), Number(m[1]));
  return undefined;
}

function valid(year: number, month: number, day: number): string | undefined {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day
    ? iso(year, month, day)
    : undefined;
}

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
