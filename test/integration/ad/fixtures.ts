// What the test DC holds (test/peers/samba/FACTS.md) and small raw-ldapts helpers that check the adapter's
// work from the outside: binding as a user, locking an account, adding fixture users as Administrator.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Attribute, Change, Client, InvalidCredentialsError } from 'ldapts';
import { adDirectorySchema, type AdDirectoryConfig } from '../../../src-main/config/directory.js';
import { readCa, type Dc } from './dc.js';

export const USERS = {
  anna: {
    sam: 'A.Janssen',
    dn: 'CN=Anna Janssen,OU=Kiosk,DC=kiosk,DC=test',
    password: 'Start#Kiosk-101',
    birthdate: '1984-10-01',
    mobile: '+31612345678',
  },
  jdoe: {
    sam: 'jdoe',
    dn: 'CN=John Doe,OU=Kiosk,DC=kiosk,DC=test',
    password: 'Start#Kiosk-102',
    birthdate: '1990-02-28',
    mobile: '+31687654321',
  },
  asmith: {
    sam: 'asmith',
    dn: 'CN=Alice Smith,OU=Kiosk,DC=kiosk,DC=test',
    password: 'Start#Kiosk-103',
    birthdate: '1975-12-31',
    mobile: undefined,
  },
  // Its UPN prefix differs from its sAMAccountName: one account that answers to two names (issue 14).
  bram: {
    sam: 'bvdberg',
    upn: 'bram.vandenberg@kiosk.test',
    dn: 'CN=Bram van den Berg,OU=Kiosk,DC=kiosk,DC=test',
    password: 'Start#Kiosk-105',
    birthdate: '1988-04-17',
    birthdateTyped: '17-04-1988',
    mobile: '+31623456789',
  },
  outsider: {
    sam: 'outsider',
    dn: 'CN=Olaf Buiten,CN=Users,DC=kiosk,DC=test',
    password: 'Start#Kiosk-104',
    birthdate: '1980-05-05',
    mobile: '+31600000001',
  },
} as const;

/** The adapter's config for this DC, through the real schema (defaults applied). */
export function adConfig(dc: Dc, overrides: Record<string, unknown> = {}): AdDirectoryConfig {
  return adDirectorySchema.parse({
    type: 'ad',
    urls: [dc.url],
    caFile: dc.ca,
    baseDns: [dc.kioskOu],
    bindDn: dc.bindDn,
    ...overrides,
  });
}
export const svcEnv = (dc: Dc): NodeJS.ProcessEnv => ({ RESET_KIOSK_AD_PASSWORD: dc.bindPassword });

export function rawClient(dc: Dc): Client {
  return new Client({ url: dc.url, tlsOptions: { ca: [readCa(dc.ca)] }, timeout: 10_000, connectTimeout: 5000 });
}

/** 'ok', or AD's data code from a refused simple bind: 52e wrong password, 775 locked, 773 must change. */
export async function bindAs(dc: Dc, dn: string, password: string): Promise<string> {
  const client = rawClient(dc);
  try {
    await client.bind(dn, password);
    return 'ok';
  } catch (err) {
    if (err instanceof InvalidCredentialsError) return /data ([0-9a-f]+)/.exec(err.message)?.[1] ?? 'refused';
    throw err;
  } finally {
    await client.unbind();
  }
}

/** Five wrong binds: the policy's lockout threshold (test/peers/samba/FACTS.md). */
export async function lockOut(dc: Dc, dn: string): Promise<void> {
  for (let i = 0; i < 5; i++) await bindAs(dc, dn, `Wrong#Guess-${i}`);
}

/** Runs `fn` bound as Administrator. */
export async function asAdmin<T>(dc: Dc, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = rawClient(dc);
  try {
    await client.bind(dc.adminDn, dc.adminPassword);
    return await fn(client);
  } finally {
    await client.unbind();
  }
}

export interface FixtureUser {
  cn: string;
  sam: string;
  upn?: string;
  parent?: string;
  password?: string;
  attributes?: Record<string, string>;
  disabled?: boolean;
}

/** Adds a user (default under OU=Kiosk, password Fixture#Pass-1) and returns its DN. */
export async function addUser(dc: Dc, u: FixtureUser): Promise<string> {
  const dn = `CN=${u.cn},${u.parent ?? dc.kioskOu}`;
  const attrs: Record<string, string | Buffer> = {
    objectClass: 'user',
    sAMAccountName: u.sam,
    userPrincipalName: u.upn ?? `${u.sam}@kiosk.test`,
    unicodePwd: Buffer.from(`"${u.password ?? 'Fixture#Pass-1'}"`, 'utf16le'),
    userAccountControl: u.disabled ? '514' : '512', // 0x200 normal account, + 0x2 disabled
    ...u.attributes,
  };
  await asAdmin(dc, (c) =>
    c.add(
      dn,
      Object.entries(attrs).map(([type, v]) => new Attribute({ type, values: typeof v === 'string' ? [v] : [v] })),
    ),
  );
  return dn;
}

export async function setAttribute(dc: Dc, dn: string, type: string, value: string): Promise<void> {
  await asAdmin(dc, (c) =>
    c.modify(dn, new Change({ operation: 'replace', modification: new Attribute({ type, values: [value] }) })),
  );
}

export async function readAttributes(dc: Dc, dn: string, attributes: string[]): Promise<Record<string, unknown>> {
  return asAdmin(dc, async (c) => (await c.search(dn, { scope: 'base', attributes })).searchEntries[0] ?? {});
}

/**
 * A fine-grained password policy (PSO) applied to a new group with these members, made with samba-tool on the
 * DC's own database (as an admin would with New-ADFineGrainedPasswordPolicy). Returns the PSO's DN.
 */
export async function createPso(
  dc: Dc,
  pso: { name: string; precedence: number; minLength: number; historyLength?: number; members: string[] },
): Promise<string> {
  const tool = (...args: string[]) =>
    promisify(execFile)(
      'samba-tool',
      [...args, '-s', join(dc.dir, 'etc/smb.conf'), '-H', join(dc.dir, 'private/sam.ldb')],
      { timeout: 60_000 },
    );
  await tool('group', 'add', pso.name);
  if (pso.members.length) await tool('group', 'addmembers', pso.name, pso.members.join(','));
  await tool(
    'domain',
    'passwordsettings',
    'pso',
    'create',
    pso.name,
    String(pso.precedence),
    `--min-pwd-length=${pso.minLength}`,
    `--history-length=${pso.historyLength ?? 5}`,
    '--complexity=on',
  );
  await tool('domain', 'passwordsettings', 'pso', 'apply', pso.name, pso.name);
  return `CN=${pso.name},CN=Password Settings Container,CN=System,${dc.baseDn}`;
}

/**
 * Marks `attribute` confidential (searchFlags |= 0x80) and grants `readerSam` CONTROL_ACCESS on it for user
 * objects under `ou` (inherited), as docs/active-directory.md "A birthdate only the service may read" says an
 * admin does: the schema change over LDAP as Administrator (then schemaUpdateNow), the ACE with Samba's own
 * SDUtils on the DC's database (like createPso, as `dsacls /G "…:CA;attribute;user"` would on Windows).
 */
export async function makeConfidential(dc: Dc, attribute: string, readerSam: string, ou: string): Promise<void> {
  const script = `
import sys, ldb
from samba.param import LoadParm
from samba.samdb import SamDB
from samba.auth import system_session
from samba.sd_utils import SDUtils
from samba.ndr import ndr_unpack
from samba.dcerpc import security, misc
conf, attr, sam, ou = sys.argv[1:5]
lp = LoadParm(); lp.load(conf)
db = SamDB(url=lp.private_path("sam.ldb"), session_info=system_session(), lp=lp)
a = db.search(str(db.get_schema_basedn()), scope=ldb.SCOPE_ONELEVEL, expression="(lDAPDisplayName=%s)" % attr, attrs=["schemaIDGUID"])[0]
guid = str(ndr_unpack(misc.GUID, a["schemaIDGUID"][0]))
u = db.search(str(db.domain_dn()), expression="(sAMAccountName=%s)" % sam, attrs=["objectSid"])[0]
sid = ndr_unpack(security.dom_sid, u["objectSid"][0])
SDUtils(db).dacl_add_ace(ou, "(OA;CIIO;CR;%s;bf967aba-0de6-11d0-a285-00aa003049e2;%s)" % (guid, sid))
`;
  const schemaDn = (await asAdmin(
    dc,
    async (c) =>
      (
        await c.search(`CN=Schema,CN=Configuration,${dc.baseDn}`, {
          scope: 'one',
          filter: `(lDAPDisplayName=${attribute})`,
          attributes: ['searchFlags'],
        })
      ).searchEntries[0],
  ))!;
  const flags = Number([schemaDn['searchFlags']].flat()[0] ?? 0);
  await asAdmin(dc, async (c) => {
    await c.modify(
      schemaDn.dn,
      new Change({
        operation: 'replace',
        modification: new Attribute({ type: 'searchFlags', values: [String(flags | 0x80)] }),
      }),
    );
    await c.modify(
      '',
      new Change({ operation: 'add', modification: new Attribute({ type: 'schemaUpdateNow', values: ['1'] }) }),
    );
  });
  await promisify(execFile)(
    '/usr/bin/python3',
    ['-c', script, join(dc.dir, 'etc/smb.conf'), attribute, readerSam, ou],
    { timeout: 60_000 },
  );
}
