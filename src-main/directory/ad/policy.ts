// The password policy AD applies to one account: the domain's (attributes of the domain NC head, readable by
// any authenticated account), or the user's resultant Fine-Grained Password Policy (msDS-ResultantPSO, a
// constructed attribute holding the winning PSO's DN, [MS-ADTS] 3.1.1.4.5.36). Verified on Samba 4.17: the
// service account reads msDS-ResultantPSO with its default rights, but a PSO's settings only with Read Property
// on the msDS-PasswordSettings object (by default only Domain Admins may read PSOs, as on Windows). Without
// that right we fall back to the domain policy and say so in the log (and `doctor` says which right to grant).
// Cached for a short while: the DC enforces a changed policy at once, the wizard sees it within CACHE_MS.
import type { Client } from 'ldapts';
import type { Logger } from '../../core/ports/log.js';
import type { DirectoryPasswordPolicy } from '../../core/ports/directory.js';
import { first } from './entry.js';

export const CACHE_MS = 5 * 60_000;
const DOMAIN_PASSWORD_COMPLEX = 0x1; // pwdProperties bit ([MS-SAMR] 2.2.3.16 DOMAIN_PASSWORD_INFORMATION)
export const PSO_CLASS_GUID = '3bcd9db8-f84b-451c-952f-6c52b81f9ec6'; // schemaIDGUID of msDS-PasswordSettings

const DOMAIN_ATTRS = ['minPwdLength', 'pwdHistoryLength', 'pwdProperties', 'minPwdAge'];
const PSO_ATTRS = [
  'msDS-MinimumPasswordLength',
  'msDS-PasswordHistoryLength',
  'msDS-PasswordComplexityEnabled',
  'msDS-MinimumPasswordAge',
  'msDS-PasswordSettingsPrecedence',
];

/** AD stores ages as negative 100-ns intervals ("-864000000000" = 1 day). */
const ageSeconds = (v: string | undefined) => (v ? Math.round(Math.abs(Number(v)) / 1e7) : 0);

export async function readDomainPolicy(client: Client, domainDn: string): Promise<DirectoryPasswordPolicy> {
  const e = (await client.search(domainDn, { scope: 'base', attributes: DOMAIN_ATTRS })).searchEntries[0];
  return {
    minLength: Number(first(e, 'minPwdLength') ?? 0),
    historyLength: Number(first(e, 'pwdHistoryLength') ?? 0),
    complexity: (Number(first(e, 'pwdProperties') ?? 0) & DOMAIN_PASSWORD_COMPLEX) !== 0,
    minAgeSeconds: ageSeconds(first(e, 'minPwdAge')),
    source: 'domain',
  };
}

/** A PSO's settings, or null when the service account may see the object but not read its settings. */
export async function readPso(
  client: Client,
  dn: string,
): Promise<(DirectoryPasswordPolicy & { precedence: number }) | null> {
  const e = (await client.search(dn, { scope: 'base', attributes: PSO_ATTRS })).searchEntries[0];
  const minLength = first(e, 'msDS-MinimumPasswordLength');
  if (minLength === undefined) return null;
  return {
    minLength: Number(minLength),
    historyLength: Number(first(e, 'msDS-PasswordHistoryLength') ?? 0),
    complexity: first(e, 'msDS-PasswordComplexityEnabled')?.toUpperCase() === 'TRUE',
    minAgeSeconds: ageSeconds(first(e, 'msDS-MinimumPasswordAge')),
    precedence: Number(first(e, 'msDS-PasswordSettingsPrecedence') ?? 0),
    source: `PSO ${dn}`,
  };
}

export async function resultantPso(client: Client, userDn: string): Promise<string | undefined> {
  return first(
    (await client.search(userDn, { scope: 'base', attributes: ['msDS-ResultantPSO'] })).searchEntries[0],
    'msDS-ResultantPSO',
  );
}

type Run = <T>(fn: (client: Client) => Promise<T>) => Promise<T>;
/** The domain's NC head (rootDSE defaultNamingContext), read once by the adapter. */
type DomainDn = (client: Client) => Promise<string>;

/** Most warmed-up reads kept (the oldest go first): each one followed a code sent by SMS, so this is plenty. */
const WARM_MAX = 1000;

/**
 * The effective policy per user, with the domain policy and each PSO cached for CACHE_MS. `warm` starts a user's
 * read ahead (when the code goes out, so the code step does not wait for the DC); the next `forUser` for that
 * DN within CACHE_MS takes that answer, once. A warm-up that failed is simply read again.
 */
export class AdPolicyReader {
  private readonly cache = new Map<string, { at: number; value: DirectoryPasswordPolicy | null }>();
  private readonly warmed = new Map<string, { at: number; value: Promise<DirectoryPasswordPolicy> }>();

  constructor(
    private readonly run: Run,
    private readonly domainDn: DomainDn,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  warm(userDn: string): void {
    const now = this.now();
    for (const [dn, w] of this.warmed) {
      if (now - w.at < CACHE_MS && this.warmed.size < WARM_MAX) break; // in insertion order: oldest first
      this.warmed.delete(dn);
    }
    const value = this.read(userDn);
    value.catch(() => undefined); // not unhandled: forUser reads again
    const key = userDn.toLowerCase();
    this.warmed.delete(key); // re-inserted last: the order stays oldest first
    this.warmed.set(key, { at: now, value });
  }

  async forUser(userDn: string): Promise<DirectoryPasswordPolicy> {
    const key = userDn.toLowerCase();
    const warm = this.warmed.get(key);
    if (warm) {
      this.warmed.delete(key);
      const value = this.now() - warm.at < CACHE_MS ? await warm.value.catch(() => undefined) : undefined;
      if (value) return value;
    }
    return this.read(userDn);
  }

  private read(userDn: string): Promise<DirectoryPasswordPolicy> {
    return this.run(async (client) => {
      const domainDn = await this.domainDn(client);
      const pso = await resultantPso(client, userDn);
      if (pso) {
        const settings = await this.cached(`pso:${pso.toLowerCase()}`, () => readPso(client, pso));
        if (settings) return settings;
        this.log.warn(
          { pso },
          'directory: a fine-grained password policy applies but the service account may not read it; using the domain policy (grant Read on the Password Settings Container, see doctor)',
        );
      }
      const domain = await this.cached('domain', () => readDomainPolicy(client, domainDn));
      return { ...domain!, ...(pso ? { source: `domain (PSO ${pso} not readable)` } : {}) };
    });
  }

  private async cached(
    key: string,
    read: () => Promise<DirectoryPasswordPolicy | null>,
  ): Promise<DirectoryPasswordPolicy | null> {
    const hit = this.cache.get(key);
    if (hit && this.now() - hit.at < CACHE_MS) return hit.value;
    const value = await read();
    this.cache.set(key, { at: this.now(), value });
    return value;
  }
}
