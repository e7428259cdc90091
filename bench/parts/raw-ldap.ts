// The baseline for the overhead ratio: a bare ldapts reset on the same DC, as a minimal script would do it —
// connect over LDAPS, bind as the service account, find the user, replace unicodePwd (with lockoutTime=0, the
// same modify the adapter sends), unbind. No HTTP, no session, no checks.
import { Attribute, Change, EqualityFilter } from 'ldapts';
import { ldapClient, type Dc } from '../lib/samba.js';

export async function rawReset(dc: Dc, username: string, password: string): Promise<number> {
  const started = performance.now();
  const client = ldapClient(dc);
  try {
    await client.bind(dc.bindDn, dc.bindPassword);
    const { searchEntries } = await client.search(dc.kioskOu, {
      scope: 'sub',
      filter: new EqualityFilter({ attribute: 'sAMAccountName', value: username }),
      attributes: ['dn'],
    });
    const dn = searchEntries[0]?.dn;
    if (!dn) throw new Error(`raw reset: no ${username}`);
    await client.modify(dn, [
      new Change({
        operation: 'replace',
        modification: new Attribute({ type: 'unicodePwd', values: [Buffer.from(`"${password}"`, 'utf16le')] }),
      }),
      new Change({ operation: 'replace', modification: new Attribute({ type: 'lockoutTime', values: ['0'] }) }),
    ]);
  } finally {
    await client.unbind();
  }
  return performance.now() - started;
}
