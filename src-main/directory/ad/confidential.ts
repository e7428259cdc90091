// Whether the birthdate attribute is readable by colleagues. In AD every authenticated user may read most
// attributes of a user object; an attribute whose schema entry has the CONFIDENTIAL bit in searchFlags (0x80,
// fCONFIDENTIAL, [MS-ADTS] 2.2.9 / 3.1.1.2.3) can only be read with CONTROL_ACCESS on it besides Read Property
// ("Mark an attribute as confidential", learn.microsoft.com/troubleshoot/windows-server/windows-security/
// mark-attribute-as-confidential). Base schema attributes (systemFlags 0x10, FLAG_SCHEMA_BASE_OBJECT — employeeID,
// employeeNumber) cannot be marked. Two narrow reads for `doctor`: the schema entry, and a read as another account.
import { EqualityFilter } from 'ldapts';
import { silentLogger } from '../../core/ports/log.js';
import { AdConnector, type AdConnectionSettings } from './connection.js';
import { first } from './entry.js';
import { readRootDse } from './root-dse.js';

export const SEARCH_FLAG_CONFIDENTIAL = 0x80;
export const SYSTEM_FLAG_BASE_SCHEMA = 0x10;

/** The attribute's searchFlags and systemFlags in the schema; undefined when the schema has no such attribute. */
export async function readAttributeSchema(
  settings: AdConnectionSettings,
  ldapName: string,
): Promise<{ dn: string; searchFlags: number; systemFlags: number } | undefined> {
  return new AdConnector(settings, silentLogger).run(async (client) => {
    const root = await readRootDse(client);
    const { searchEntries } = await client.search(`CN=Schema,${root.configurationNamingContext}`, {
      scope: 'one',
      filter: new EqualityFilter({ attribute: 'lDAPDisplayName', value: ldapName }),
      attributes: ['searchFlags', 'systemFlags'],
      sizeLimit: 1,
    });
    const e = searchEntries[0];
    return (
      e && {
        dn: e.dn,
        searchFlags: Number(first(e, 'searchFlags') ?? 0),
        systemFlags: Number(first(e, 'systemFlags') ?? 0),
      }
    );
  });
}

/** Whether `account` (its DN or UPN, with its password) reads a value of `attribute` on `dn`. Throws on a refused bind. */
export async function canRead(
  settings: AdConnectionSettings,
  account: { bindDn: string; password: string },
  dn: string,
  attribute: string,
): Promise<boolean> {
  const as = new AdConnector({ ...settings, bindDn: account.bindDn, bindPassword: account.password }, silentLogger);
  return as.run(async (client) => {
    const { searchEntries } = await client.search(dn, { scope: 'base', attributes: [attribute] });
    return first(searchEntries[0], attribute) !== undefined;
  });
}
