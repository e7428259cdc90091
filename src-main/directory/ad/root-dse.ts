// What the forest says about itself, read once per process: rootDSE (RFC 4512 5.1; AD's attributes in
// [MS-ADTS] 3.1.1.3.2) and the UPN suffixes a user's name may end in (uPNSuffixes on the Partitions container,
// [MS-ADA3] 2.349, plus the forest root's and this domain's DNS names, which AD always accepts as suffixes).
import type { Client } from 'ldapts';
import { all, first } from './entry.js';

export interface RootDse {
  /** This domain's NC head, e.g. DC=zorg,DC=example: where the domain password policy lives. */
  defaultNamingContext: string;
  /** The forest root domain's NC head. */
  rootDomainNamingContext: string;
  configurationNamingContext: string;
  supportedControl: string[];
}

export async function readRootDse(client: Client): Promise<RootDse> {
  const attributes = [
    'defaultNamingContext',
    'rootDomainNamingContext',
    'configurationNamingContext',
    'supportedControl',
  ];
  const e = (await client.search('', { scope: 'base', filter: '(objectClass=*)', attributes })).searchEntries[0];
  const defaultNamingContext = first(e, 'defaultNamingContext');
  if (!defaultNamingContext) throw new Error('rootDSE has no defaultNamingContext');
  return {
    defaultNamingContext,
    rootDomainNamingContext: first(e, 'rootDomainNamingContext') ?? defaultNamingContext,
    configurationNamingContext: first(e, 'configurationNamingContext') ?? `CN=Configuration,${defaultNamingContext}`,
    supportedControl: all(e, 'supportedControl'),
  };
}

/** "DC=zorg,DC=example" → "zorg.example". */
export function dnsNameOf(dn: string): string {
  return dn
    .split(',')
    .map((rdn) => /^\s*DC=(.*)$/i.exec(rdn)?.[1]?.trim())
    .filter((part): part is string => !!part)
    .join('.')
    .toLowerCase();
}

/** The forest's UPN suffixes, lower case, without duplicates: the registered ones, then the root's and this domain's. */
export async function readUpnSuffixes(client: Client, root: RootDse): Promise<string[]> {
  const partitions = `CN=Partitions,${root.configurationNamingContext}`;
  const e = (await client.search(partitions, { scope: 'base', filter: '(objectClass=*)', attributes: ['uPNSuffixes'] }))
    .searchEntries[0];
  const names = [
    ...all(e, 'uPNSuffixes'),
    dnsNameOf(root.rootDomainNamingContext),
    dnsNameOf(root.defaultNamingContext),
  ];
  return [...new Set(names.map((n) => n.trim().toLowerCase()).filter((n) => n !== ''))];
}
