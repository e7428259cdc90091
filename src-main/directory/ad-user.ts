// Finding one staff account and reading it. The filter is built from ldapts filter objects: the typed name
// travels as a BER octet string and is never parsed as filter syntax, so `*`, `)(` or `\00` match literally.
import { AndFilter, EqualityFilter, OrFilter, SubstringFilter, type Entry, type Filter } from 'ldapts';
import { parseStoredBirthdate } from '../core/birthdate.js';
import type { DirectoryUser } from '../core/ports/directory.js';

export interface AdAttributes {
  birthdate: string;
  mobile: string;
  givenName: string;
  surname: string;
  displayName: string;
}

const UF_ACCOUNTDISABLE = 0x2; // userAccountControl bit ([MS-ADTS] 2.2.16)
// sAMAccountName is at most 20 characters and a UPN prefix at most 64: anything much longer is no account,
// and refusing it before the DC keeps hostile input cheap.
const MAX_NAME = 256;

/** Attributes to fetch for a DirectoryUser. */
export function userAttributes(a: AdAttributes): string[] {
  return ['objectGUID', 'sAMAccountName', 'userPrincipalName', 'userAccountControl', a.birthdate, a.mobile, a.givenName, a.surname, a.displayName];
}
/** Binary attributes: ldapts must hand them over as bytes, not as (mangled) UTF-8 text. */
export const BINARY_ATTRIBUTES = ['objectGUID'];

/**
 * A person by sAMAccountName or userPrincipalName. The core passes a normalised `a.janssen`; a full
 * `a.janssen@kiosk.test` or `KIOSK\a.janssen` also works. Returns null when the input cannot be an account.
 */
export function userFilter(input: string): Filter | null {
  let name = input.trim();
  name = name.slice(name.lastIndexOf('\\') + 1);
  if (!name || name.length > MAX_NAME || /[\u0000-\u001f\u007f]/.test(name)) return null;
  const at = name.indexOf('@');
  if (at === 0) return null;
  const byName =
    at > 0
      ? [eq('userPrincipalName', name), eq('sAMAccountName', name.slice(0, at))]
      : // A UPN prefix may differ from the sAMAccountName (anna.janssen@ vs A.Janssen): match it as "name@…".
        [eq('sAMAccountName', name), new SubstringFilter({ attribute: 'userPrincipalName', initial: `${name}@` })];
  return new AndFilter({
    filters: [eq('objectCategory', 'person'), eq('objectClass', 'user'), new OrFilter({ filters: byName })],
  });
}

const eq = (attribute: string, value: string) => new EqualityFilter({ attribute, value });

export function toDirectoryUser(entry: Entry, a: AdAttributes): DirectoryUser {
  const get = reader(entry);
  const givenName = get(a.givenName) ?? '';
  const surname = get(a.surname) ?? '';
  return {
    id: entry.dn,
    accountKey: accountKeyOf(entry),
    username: get('sAMAccountName') ?? entry.dn,
    aliases: [get('userPrincipalName')?.split('@')[0]].filter((n): n is string => !!n),
    givenName,
    surname,
    displayName: get(a.displayName) ?? `${givenName} ${surname}`.trim(),
    birthdate: parseStoredBirthdate(get(a.birthdate)),
    mobile: get(a.mobile)?.trim() || undefined,
    disabled: (Number(get('userAccountControl') ?? 0) & UF_ACCOUNTDISABLE) !== 0,
  };
}

/**
 * The account's budget key: its objectGUID ([MS-ADTS] 3.1.1.1.3: set once, kept through renames and moves) in
 * the registry form Get-ADUser prints: the first three groups are little-endian (MS-DTYP 2.3.4.2). Every DC
 * returns it; should one not, the DN (lower case) is the next best stable key, never the typed name.
 */
export function accountKeyOf(entry: Entry): string {
  const raw = Object.entries(entry).find(([k]) => k.toLowerCase() === 'objectguid')?.[1];
  const bytes = Array.isArray(raw) ? raw[0] : raw;
  if (!Buffer.isBuffer(bytes) || bytes.length !== 16) return `dn:${normaliseDn(entry.dn)}`;
  const hex = (from: number, to: number, reverse = false) => {
    const part = [...bytes.subarray(from, to)];
    return (reverse ? part.reverse() : part).map((b) => b.toString(16).padStart(2, '0')).join('');
  };
  return [hex(0, 4, true), hex(4, 6, true), hex(6, 8, true), hex(8, 10), hex(10, 16)].join('-');
}

/** First value of an attribute, whatever case the DC used for its name. */
function reader(entry: Entry): (name: string) => string | undefined {
  const byLower = new Map(Object.entries(entry).map(([k, v]) => [k.toLowerCase(), v]));
  return (name) => {
    const raw = byLower.get(name.toLowerCase());
    const first = Array.isArray(raw) ? raw[0] : raw;
    if (first === undefined) return undefined;
    const text = Buffer.isBuffer(first) ? first.toString('utf8') : first;
    return text === '' ? undefined : text;
  };
}

/** DNs compared the way AD does for our purpose: case-insensitive, spaces around separators ignored. */
export function normaliseDn(dn: string): string {
  return dn.replace(/\s*([,=])\s*/g, '$1').trim().toLowerCase();
}

/** Whether `dn` lies in (or is) one of the base DNs: a reset never leaves the configured OUs. */
export function isUnder(dn: string, baseDns: readonly string[]): boolean {
  const d = normaliseDn(dn);
  return baseDns.some((b) => {
    const base = normaliseDn(b);
    return d === base || d.endsWith(`,${base}`);
  });
}
