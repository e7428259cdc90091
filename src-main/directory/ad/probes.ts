// What `doctor` asks of Active Directory, as narrow reads on the adapter's own connection code (same TLS, CA,
// failover and service account as a reset): the TLS handshake before any bind, the service account's bind and
// rights, the domain policy and the PSOs it can list, and the raw stored values behind a test user's fields.
// Nothing here writes; values are returned to doctor, which prints only whether they are there and usable.
import { connect, type ConnectionOptions, type PeerCertificate } from 'node:tls';
import { Client, EqualityFilter, type Entry } from 'ldapts';
import type { DirectoryPasswordPolicy } from '../../core/ports/directory.js';
import { silentLogger } from '../../core/ports/log.js';
import { AdConnector, type AdConnectionSettings } from './connection.js';
import { first } from './entry.js';
import { ldapCode } from './errors.js';
import { readDomainPolicy } from './policy.js';
import { readRootDse, type RootDse } from './root-dse.js';

/** LDAPS: the DC's certificate after a verified handshake. StartTLS: accepted (ldapts does the LDAP exchange). */
export async function probeTls(
  url: string,
  s: Pick<AdConnectionSettings, 'startTls' | 'tls' | 'connectMs'>,
): Promise<{ startTls: true } | { startTls: false; cert: PeerCertificate }> {
  const u = new URL(url);
  const host = u.hostname.replace(/^\[(.*)\]$/, '$1');
  if (s.startTls) {
    // StartTLS needs an LDAP exchange first: ldapts does it, with a fresh copy (startTLS mutates its options).
    const client = new Client({ url, connectTimeout: s.connectMs, timeout: s.connectMs });
    try {
      await client.startTLS({ ...s.tls, host });
    } finally {
      await client.unbind().catch(() => undefined);
    }
    return { startTls: true };
  }
  return { startTls: false, cert: await handshake(host, Number(u.port || 636), s.tls, s.connectMs) };
}

function handshake(host: string, port: number, tls: ConnectionOptions, ms: number): Promise<PeerCertificate> {
  return new Promise((resolve, reject) => {
    const socket = connect({ ...tls, host, port, timeout: ms });
    socket.once('secureConnect', () => {
      resolve(socket.getPeerCertificate());
      socket.end();
    });
    socket.once('timeout', () => socket.destroy(new Error(`no answer within ${ms} ms`)));
    socket.once('error', reject);
  });
}

/** Binds as the service account (throws what the DC answered) and tells whether it is a protected account. */
export async function probeServiceAccount(
  settings: AdConnectionSettings,
  bindDn: string,
): Promise<{ root: RootDse; protectedAccount: boolean }> {
  return new AdConnector(settings, silentLogger).run(async (client) => {
    const root = await readRootDse(client);
    return { root, protectedAccount: await isProtectedAccount(client, bindDn, root.defaultNamingContext) };
  });
}

/** adminCount=1 marks members (past or present) of AD's protected groups: Domain Admins and the like. */
async function isProtectedAccount(client: Client, bindDn: string, domain: string): Promise<boolean> {
  const isDn = bindDn.includes('=');
  const { searchEntries } = await client.search(isDn ? bindDn : domain, {
    scope: isDn ? 'base' : 'sub',
    filter: isDn ? '(objectClass=*)' : new EqualityFilter({ attribute: 'userPrincipalName', value: bindDn }),
    attributes: ['adminCount'],
    sizeLimit: 1,
  });
  return first(searchEntries[0], 'adminCount') === '1';
}

/** The first stored value of each attribute (by lower-case name), undefined when empty or not readable. */
export async function readStoredValues(
  settings: AdConnectionSettings,
  dn: string,
  attributes: string[],
): Promise<Record<string, string | undefined>> {
  const entry = await new AdConnector(settings, silentLogger).run(
    async (c) => (await c.search(dn, { scope: 'base', attributes })).searchEntries[0],
  );
  return Object.fromEntries(attributes.map((a) => [a.toLowerCase(), first(entry, a)]));
}

export type PsoListing =
  | { kind: 'listed'; psos: { name: string; minLength: string | undefined; precedence: string | undefined }[] }
  | { kind: 'no-container' }
  | { kind: 'unsearchable'; error: unknown };

/** The domain's password policy and the PSOs the service account can list in the Password Settings Container. */
export async function readPolicyOverview(
  settings: AdConnectionSettings,
): Promise<{ domainDn: string; domain: DirectoryPasswordPolicy; container: string; psos: PsoListing }> {
  return new AdConnector(settings, silentLogger).run(async (client) => {
    const domainDn = (await readRootDse(client)).defaultNamingContext;
    const domain = await readDomainPolicy(client, domainDn);
    const container = `CN=Password Settings Container,CN=System,${domainDn}`;
    return { domainDn, domain, container, psos: await listPsos(client, container) };
  });
}

async function listPsos(client: Client, container: string): Promise<PsoListing> {
  let entries: Entry[];
  try {
    // (objectClass=*), not =msDS-PasswordSettings: where the PSO may not be read, that filter matches nothing
    // (seen on Samba 4.17), and an unreadable PSO would pass for "none". The container holds only PSOs.
    ({ searchEntries: entries } = await client.search(container, {
      scope: 'one',
      filter: '(objectClass=*)',
      attributes: ['cn', 'msDS-MinimumPasswordLength', 'msDS-PasswordSettingsPrecedence'],
    }));
  } catch (error) {
    return ldapCode(error) === 32 ? { kind: 'no-container' } : { kind: 'unsearchable', error };
  }
  return {
    kind: 'listed',
    psos: entries.map((e) => ({
      name: first(e, 'cn') ?? /^CN=([^,]+)/i.exec(e.dn)?.[1] ?? e.dn,
      minLength: first(e, 'msDS-MinimumPasswordLength'),
      precedence: first(e, 'msDS-PasswordSettingsPrecedence'),
    })),
  };
}
