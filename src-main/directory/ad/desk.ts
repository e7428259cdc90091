// The servicedesk's two narrow needs from AD (src-main/desk): an agent's sign-in and a person's lockout state.
// Sign-in is search-then-bind (RFC 4513 5.1.3 simple bind): the service account finds the agent's DN and asks
// whether she is a member of the servicedesk or the auditor group, nested groups counted by
// LDAP_MATCHING_RULE_IN_CHAIN (1.2.840.113556.1.4.1941, Microsoft Learn "Search Filter Syntax"); then a fresh
// connection over the same TLS settings binds as her: the bind is the password check, and nothing of the password
// is kept. Every refusal (unknown, wrong password, disabled, no member) answers the same null.
import { AndFilter, EqualityFilter, ExtensibleFilter, InvalidCredentialsError, type Entry } from 'ldapts';
import type { AdDirectoryConfig } from '../../config/directory.js';
import type { Logger } from '../../core/ports/log.js';
import { DirectoryUnavailableError } from '../../core/ports/directory.js';
import { AdConnector, type AdConnectionSettings } from './connection.js';
import { describeError } from './errors.js';
import { adConnectionSettings } from './settings.js';
import { readRootDse, readUpnSuffixes } from './root-dse.js';
import { lookupName, userFilter } from './user.js';

export type AgentRole = 'servicedesk' | 'auditor';
export type AdAgent = { account: string; displayName: string; role: AgentRole };
export type AgentGroups = Record<AgentRole, string>;

const IN_CHAIN = '1.2.840.113556.1.4.1941';
/** userAccountControl ACCOUNTDISABLE (0x2); msDS-User-Account-Control-Computed UF_LOCKOUT (0x10) (MS-ADTS 2.2.16). */
const ACCOUNTDISABLE = 0x2;
const UF_LOCKOUT = 0x10;
/** A DN no account has: an unknown name still costs one bind, so it answers no faster than a wrong password. */
const NOBODY = 'CN=reset-kiosk-no-such-agent';

const domainOf = (dn: string) =>
  dn
    .split(/,(?=\s*DC=)/i)
    .slice(1)
    .join(',') || dn;
const first = (e: Entry, a: string) => String([e[a]].flat()[0] ?? '');

export class AdDeskDirectory {
  private readonly service: AdConnector;
  private upnSuffixes: string[] | undefined;

  constructor(
    private readonly settings: AdConnectionSettings,
    private readonly groups: AgentGroups,
    private readonly agentBase: string,
    private readonly log: Logger,
  ) {
    this.service = new AdConnector(settings, log);
  }

  static create(
    config: AdDirectoryConfig,
    desk: { groups: AgentGroups; agentBaseDn?: string | undefined },
    log: Logger,
    env?: NodeJS.ProcessEnv,
  ): AdDeskDirectory {
    return new AdDeskDirectory(
      adConnectionSettings(config, env),
      desk.groups,
      desk.agentBaseDn ?? domainOf(desk.groups.servicedesk),
      log,
    );
  }

  /** The agent and her role (servicedesk wins over auditor), or null for every refusal alike. */
  async signIn(username: string, password: string): Promise<AdAgent | null> {
    let found: { dn: string; account: string; displayName: string; role: AgentRole | null; disabled: boolean } | null =
      null;
    try {
      if (lookupName(username) !== null) {
        found = await this.service.run(async (client) => {
          // The forest's UPN suffixes, read once: the agent is found by equality, as the wizard finds a person.
          this.upnSuffixes ??= await readUpnSuffixes(client, await readRootDse(client));
          const filter = userFilter(username, this.upnSuffixes);
          if (!filter) return null;
          const { searchEntries } = await client.search(this.agentBase, {
            filter,
            attributes: ['sAMAccountName', 'displayName', 'userAccountControl'],
            sizeLimit: 2,
          });
          const entry = searchEntries.length === 1 ? searchEntries[0] : undefined;
          if (!entry) return null;
          let role: AgentRole | null = null;
          for (const r of ['servicedesk', 'auditor'] as const) {
            const member = new AndFilter({
              filters: [
                new EqualityFilter({ attribute: 'objectClass', value: 'user' }),
                new ExtensibleFilter({ matchType: 'memberOf', rule: IN_CHAIN, value: this.groups[r] }),
              ],
            });
            const { searchEntries: hit } = await client.search(entry.dn, {
              scope: 'base',
              filter: member,
              attributes: ['dn'],
            });
            if (hit.length) {
              role = r;
              break;
            }
          }
          return {
            dn: entry.dn,
            account: first(entry, 'sAMAccountName'),
            displayName: first(entry, 'displayName') || first(entry, 'sAMAccountName'),
            role,
            disabled: (Number(first(entry, 'userAccountControl')) & ACCOUNTDISABLE) !== 0,
          };
        });
      }
    } catch (err) {
      throw new DirectoryUnavailableError(`directory: agent lookup failed: ${describeError(err)}`, { cause: err });
    }
    // An empty password would be an unauthenticated bind, which AD accepts (RFC 4513 5.1.2): never try one.
    const bound = password.length > 0 && (await this.bindAs(found?.dn ?? `${NOBODY},${this.agentBase}`, password));
    if (!bound || !found || found.disabled || !found.role) return null;
    return { account: found.account, displayName: found.displayName, role: found.role };
  }

  /** Whether AD counts the account as locked out now (the constructed attribute honours lockoutDuration). */
  async lockedOut(dn: string): Promise<boolean | undefined> {
    try {
      return await this.service.run(async (client) => {
        const { searchEntries } = await client.search(dn, {
          scope: 'base',
          attributes: ['msDS-User-Account-Control-Computed'],
        });
        const v = searchEntries[0] && first(searchEntries[0], 'msDS-User-Account-Control-Computed');
        return v === undefined || v === '' ? undefined : (Number(v) & UF_LOCKOUT) !== 0;
      });
    } catch (err) {
      this.log.warn({ error: describeError(err) }, 'directory: lockout state not read');
      return undefined;
    }
  }

  private async bindAs(dn: string, password: string): Promise<boolean> {
    try {
      await new AdConnector({ ...this.settings, bindDn: dn, bindPassword: password }, this.log).run(() =>
        Promise.resolve(),
      );
      return true;
    } catch (err) {
      if (err instanceof InvalidCredentialsError) return false;
      throw new DirectoryUnavailableError(`directory: agent bind failed: ${describeError(err)}`, { cause: err });
    }
  }
}
