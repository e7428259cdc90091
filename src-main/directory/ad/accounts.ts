// Every staff account under the configured base DNs, read for the readiness report with the adapter's own
// connection (TLS, CA, failover, the service account) and the adapter's own reading of an entry (user.ts),
// page by page (RFC 2696 paged results: AD returns at most MaxPageSize, 1000, per request) and bounded by `max`.
import { AndFilter, EqualityFilter } from 'ldapts';
import type { AdDirectoryConfig } from '../../config/directory.js';
import { silentLogger } from '../../core/ports/log.js';
import type { DirectoryUser } from '../../core/ports/directory.js';
import { AdConnector } from './connection.js';
import { first } from './entry.js';
import { adConnectionSettings } from './settings.js';
import { normaliseDn, toDirectoryUser, userAttributes } from './user.js';

export type ReportAccount = DirectoryUser & {
  /** adminCount=1: AdminSDHolder protects it, the delegation does not reach it. */ protected: boolean;
};

const PEOPLE = new AndFilter({
  filters: [
    new EqualityFilter({ attribute: 'objectCategory', value: 'person' }),
    new EqualityFilter({ attribute: 'objectClass', value: 'user' }),
  ],
});

/** Calls `visit` for each account (once, also where base DNs overlap); says whether `max` cut the scan short. */
export async function forEachAdAccount(
  config: AdDirectoryConfig,
  env: NodeJS.ProcessEnv,
  opts: { pageSize: number; max: number },
  visit: (account: ReportAccount) => void,
): Promise<{ truncated: boolean; pages: number }> {
  const connector = new AdConnector(adConnectionSettings(config, env), silentLogger);
  const attributes = [...userAttributes(config.attributes), 'adminCount'];
  const seen = new Set<string>();
  let pages = 0;
  return connector.run(async (client) => {
    for (const base of config.baseDns) {
      for await (const page of client.searchPaginated(base, {
        scope: 'sub',
        filter: PEOPLE,
        attributes,
        paged: { pageSize: opts.pageSize },
      })) {
        pages++;
        for (const entry of page.searchEntries) {
          const dn = normaliseDn(entry.dn);
          if (seen.has(dn)) continue;
          if (seen.size >= opts.max) return { truncated: true, pages };
          seen.add(dn);
          visit({ ...toDirectoryUser(entry, config.attributes), protected: first(entry, 'adminCount') === '1' });
        }
      }
    }
    return { truncated: false, pages };
  });
}
