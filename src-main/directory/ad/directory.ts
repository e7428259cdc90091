// The Directory port on Active Directory, with ldapts. Verified against Samba AD DC 4.17 (test/integration/ad).
// No password or hash is stored or logged here; the bind password lives only in memory.
import { Attribute, Change, type Client, type Entry } from 'ldapts';
import type { AdDirectoryConfig } from '../../config/directory.js';
import type { Logger } from '../../core/ports/log.js';
import { AdConnector } from './connection.js';
import { describeError, resetOutcomeFor } from './errors.js';
import { AdPool } from './pool.js';
import { AdPolicyReader } from './policy.js';
import { adConnectionSettings } from './settings.js';
import {
  BINARY_ATTRIBUTES,
  isPersonEntry,
  isUnder,
  normaliseDn,
  toDirectoryUser,
  lookupName,
  userAttributes,
  userFilter,
  type AdAttributes,
} from './user.js';
import { PolicyHintsControl, pickPolicyHintsOid } from './policy-hints.js';
import { readRootDse, readUpnSuffixes, type RootDse } from './root-dse.js';
import {
  DirectoryUnavailableError,
  type Directory,
  type DirectoryPasswordPolicy,
  type DirectoryUser,
  type ResetOutcome,
  type UnlockOutcome,
} from '../../core/ports/directory.js';

export type PoolStats = AdPool['stats'] & AdPool['usage'];

export class AdDirectory implements Directory {
  /** The policy hints OID the DC supports, null when none, undefined until rootDSE was read once. */
  private hintsOid: string | null | undefined;
  /** rootDSE and the forest's UPN suffixes: read once per process (normally by the start-up probe). */
  private forest: { root: RootDse; upnSuffixes: string[] } | undefined;
  /** Reads (cached briefly): a read, so retried like a lookup when a pooled connection turns out dead. */
  private readonly policies: AdPolicyReader;

  private constructor(
    private readonly pool: AdPool,
    private readonly baseDns: readonly string[],
    private readonly attributes: AdAttributes,
    private readonly log: Logger,
  ) {
    this.policies = new AdPolicyReader(
      (fn) => this.pool.run((client) => fn(client), 'whenLost'),
      async (client) => (await this.forestOf(client)).root.defaultNamingContext,
      log,
    );
  }

  /** Config errors (secret, CA file) throw; an unreachable DC only logs, so a kiosk can boot before the network. */
  static async create(
    config: AdDirectoryConfig,
    log: Logger,
    env: NodeJS.ProcessEnv = process.env,
  ): Promise<AdDirectory> {
    // A caller waits no longer for a pooled connection than for one LDAP answer.
    const pool = new AdPool(
      new AdConnector(adConnectionSettings(config, env), log),
      { ...config.pool, waitMs: config.timeouts.operationMs },
      log,
    );
    const directory = new AdDirectory(pool, config.baseDns, config.attributes, log);
    await directory.probe().catch((err: unknown) => {
      log.error({ error: describeError(err) }, 'directory: start-up check failed; will retry on first use');
    });
    return directory;
  }

  /** True only when the DC enforces history on an admin reset (it lists LDAP_SERVER_POLICY_HINTS). */
  get enforcesHistory(): boolean {
    return typeof this.hintsOid === 'string';
  }

  /** What the connection pool did since start (opened, reused, retried, dropped, idleClosed) and holds now. */
  get poolStats(): Readonly<PoolStats> {
    return { ...this.pool.stats, ...this.pool.usage };
  }

  /** Binds and reads rootDSE: proves URL, TLS and the service account (for `doctor` and start-up). */
  async probe(): Promise<{ url: string; policyHintsOid: string | null }> {
    return this.pool.run(async (client, url) => ({ url, policyHintsOid: await this.policyHints(client) }), 'whenLost');
  }

  async findUser(username: string): Promise<DirectoryUser | null> {
    if (lookupName(username) === null) return null;
    const attributes = userAttributes(this.attributes);
    let found: Entry[];
    try {
      // A read: safe to run again on a new connection when a pooled one turns out dead.
      found = await this.pool.run(async (client) => {
        const filter = userFilter(username, (await this.forestOf(client)).upnSuffixes)!;
        const byDn = new Map<string, Entry>();
        for (const base of this.baseDns) {
          // sizeLimit 2: all we need to know is "exactly one"; Samba/AD answer sizeLimitExceeded, ldapts accepts it.
          const { searchEntries } = await client.search(base, {
            scope: 'sub',
            filter,
            attributes,
            explicitBufferAttributes: BINARY_ATTRIBUTES,
            sizeLimit: 2,
          });
          for (const entry of searchEntries) if (isPersonEntry(entry)) byDn.set(normaliseDn(entry.dn), entry); // base DNs may overlap
          if (byDn.size > 1) break;
        }
        return [...byDn.values()];
      }, 'whenLost');
    } catch (err) {
      throw new DirectoryUnavailableError(`directory: search failed: ${describeError(err)}`, { cause: err });
    }
    if (found.length > 1) {
      // Never log the typed name (people type passwords into it); the DNs tell the admin what collides.
      this.log.warn({ dns: found.map((e) => e.dn) }, 'directory: name matches more than one account; refused');
      return null;
    }
    return found[0] ? toDirectoryUser(found[0], this.attributes) : null;
  }

  /** The domain's password policy, or the user's resultant PSO where the service account may read it (policy.ts). */
  async passwordPolicy(user: Pick<DirectoryUser, 'id'>): Promise<DirectoryPasswordPolicy> {
    try {
      return await this.policies.forUser(user.id);
    } catch (err) {
      throw new DirectoryUnavailableError(`directory: password policy not read: ${describeError(err)}`, { cause: err });
    }
  }

  /** The code went out: read this user's policy now, in the background, for the code step (policy.ts). */
  warmPasswordPolicy(user: Pick<DirectoryUser, 'id'>): void {
    this.policies.warm(user.id);
  }

  async resetPassword(
    user: Pick<DirectoryUser, 'id' | 'username'>,
    password: string,
    opts: { mustChangeAtNextLogon: boolean },
  ): Promise<ResetOutcome> {
    if (!isUnder(user.id, this.baseDns)) {
      return { ok: false, reason: 'rights', detail: `${user.id} is outside the configured baseDns` };
    }
    // AD wants the new password quoted, in UTF-16LE; over TLS only ([MS-ADTS] 3.1.1.3.1.5.1 unicodePwd; test/peers/samba/FACTS.md).
    const unicodePwd = Buffer.from(`"${password}"`, 'utf16le');
    // One modify = one atomic operation (RFC 4511 4.6): password, unlock and "must change" succeed or fail
    // together. Verified on Samba: a refused password leaves lockoutTime untouched. lockoutTime may only be 0;
    // pwdLastSet only 0 (must change) or -1, so it is left alone unless a change is required.
    const changes = [
      replace('unicodePwd', unicodePwd),
      replace('lockoutTime', '0'),
      ...(opts.mustChangeAtNextLogon ? [replace('pwdLastSet', '0')] : []),
    ];
    let outcome: ResetOutcome;
    try {
      outcome = await this.modify(user.id, changes);
    } finally {
      unicodePwd.fill(0);
    }
    if (!outcome.ok && outcome.reason === 'uncertain') {
      this.log.error(
        { dn: user.id, error: outcome.detail },
        'directory: the connection was lost after the password modify was sent: it may or may not have been applied',
      );
    } else if (!outcome.ok && (outcome.reason === 'rights' || outcome.reason === 'unavailable')) {
      this.log.error(
        { dn: user.id, reason: outcome.reason, error: outcome.detail },
        'directory: password reset refused',
      );
    }
    return outcome;
  }

  /**
   * Clears a lockout and nothing else: lockoutTime may only be set to 0 ([MS-ADTS] 3.1.1.3.1.5.2); AD then
   * also resets badPwdCount. Needs only "Write lockoutTime". Replacing it with 0 again is harmless, so unlike the
   * password write this is retried when a pooled connection is lost (`whenLost`) and never `uncertain`.
   */
  async unlock(user: Pick<DirectoryUser, 'id' | 'username'>): Promise<UnlockOutcome> {
    if (!isUnder(user.id, this.baseDns))
      return { ok: false, reason: 'rights', detail: `${user.id} is outside the configured baseDns` };
    try {
      await this.pool.run((client) => client.modify(user.id, [replace('lockoutTime', '0')]), 'whenLost');
      return { ok: true };
    } catch (err) {
      const outcome = resetOutcomeFor(err);
      const result: UnlockOutcome =
        outcome.reason === 'rights' ? outcome : { ok: false, reason: 'unavailable', detail: describeError(err) };
      this.log.error({ dn: user.id, reason: result.reason, error: result.detail }, 'directory: unlock refused');
      return result;
    }
  }

  /** The password modify, after the one read it may need; never throws. */
  private async modify(dn: string, changes: Change[]): Promise<ResetOutcome> {
    try {
      // Read once per process, normally by the start-up probe; a read, so retried like a lookup.
      if (this.hintsOid === undefined) await this.pool.run((client) => this.policyHints(client), 'whenLost');
    } catch (err) {
      return { ok: false, reason: 'unavailable', detail: describeError(err) }; // the modify was not sent
    }
    const control = this.hintsOid ? new PolicyHintsControl(this.hintsOid) : undefined;
    try {
      // Not sent again once it may have reached the DC ('whenUnsent'). Replacing unicodePwd with the same value
      // ends in the same state (same password, lockoutTime 0, pwdLastSet 0 if asked), but the repeat is not
      // idempotent for history. With policy hints (the DCs that enforce history on reset) a first attempt that
      // did land makes the repeat fail "in history", and the user would be told their new password was refused
      // while it is set; without them it writes the password into the history twice, pushing out an older one,
      // and logs a second reset. So only a request that never left is retried (the connection was found closed
      // before the write); otherwise the answer is `uncertain` and the session ends (core/flow.ts).
      await this.pool.run((client) => client.modify(dn, changes, control), 'whenUnsent');
      return { ok: true };
    } catch (err) {
      return resetOutcomeFor(err);
    }
  }

  /** Unbinds the pooled connections. */
  async close(): Promise<void> {
    await this.pool.close();
  }

  /** rootDSE and the UPN suffixes, read once per process (cached after the first success). */
  private async forestOf(client: Client): Promise<{ root: RootDse; upnSuffixes: string[] }> {
    if (this.forest) return this.forest;
    const root = await readRootDse(client);
    const forest = { root, upnSuffixes: await readUpnSuffixes(client, root) };
    this.log.info(
      { upnSuffixes: forest.upnSuffixes },
      'directory: names are looked up as sAMAccountName or name@ one of these UPN suffixes',
    );
    return (this.forest = forest);
  }

  /** The policy hints OID from rootDSE supportedControl, decided once per process. */
  private async policyHints(client: Client): Promise<string | null> {
    if (this.hintsOid !== undefined) return this.hintsOid;
    this.hintsOid = pickPolicyHintsOid((await this.forestOf(client)).root.supportedControl);
    if (this.hintsOid)
      this.log.info({ oid: this.hintsOid }, 'directory: password history is enforced on reset (policy hints)');
    else {
      this.log.warn(
        {},
        'directory: the DC does not support LDAP_SERVER_POLICY_HINTS (e.g. Samba, Windows before 2012 R2): ' +
          'password history cannot be enforced on reset',
      );
    }
    return this.hintsOid;
  }
}

const replace = (type: string, value: string | Buffer) =>
  new Change({
    operation: 'replace',
    modification: new Attribute({ type, values: typeof value === 'string' ? [value] : [value] }),
  });
