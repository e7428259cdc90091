// Reading an entry ldapts returned: the one place that knows attribute names come back in the DC's case, values
// as a string, a Buffer or an array of them, and an attribute the account may not read as [] (ldapts 8).
import type { Entry } from 'ldapts';

/** The first raw value (text or bytes), whatever case the DC used for the attribute's name. */
export function rawValue(entry: Entry | undefined, name: string): string | Buffer | undefined {
  if (!entry) return undefined;
  const lower = name.toLowerCase();
  const key = Object.keys(entry).find((k) => k.toLowerCase() === lower);
  const v = key === undefined ? undefined : entry[key];
  return Array.isArray(v) ? v[0] : v;
}

/** The first value as text (bytes read as UTF-8); undefined when absent, empty or not readable. */
export function first(entry: Entry | undefined, name: string): string | undefined {
  const v = rawValue(entry, name);
  if (v === undefined) return undefined;
  const text = Buffer.isBuffer(v) ? v.toString('utf8') : v;
  return text === '' ? undefined : text;
}

/** Every value as text; [] when absent or not readable. */
export function all(entry: Entry | undefined, name: string): string[] {
  if (!entry) return [];
  const lower = name.toLowerCase();
  const key = Object.keys(entry).find((k) => k.toLowerCase() === lower);
  const v = key === undefined ? [] : (entry[key] ?? []);
  return (Array.isArray(v) ? v : [v]).map((x) => (Buffer.isBuffer(x) ? x.toString('utf8') : x));
}
