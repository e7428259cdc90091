// Config section `directory`: which user directory the reset runs against.
// `demo` is the embedded JSON directory (the default when no config file is given); `ad` is Active Directory.
import { z } from 'zod';

export const demoDirectorySchema = z
  .object({
    type: z.literal('demo'),
    /** JSON file with the demo users; default resources/demo-directory.json. */
    file: z.string().optional(),
  })
  .strict();

// An LDAP attribute name (lDAPDisplayName): letters, digits, hyphens; never anything a filter could misread.
const attributeName = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9-]{0,63}$/, 'must be an LDAP attribute name, e.g. employeeID');
const millis = (min: number, max: number, dflt: number) => z.number().int().min(min).max(max).default(dflt);

export const adDirectorySchema = z
  .object({
    type: z.literal('ad'),
    /**
     * Domain controllers, tried in this order; a DC that does not answer is skipped (failover).
     * `ldaps://dc1.example.org` (port 636), or `ldap://dc1.example.org` with `startTls: true`.
     * Plain LDAP is refused: AD refuses password writes and simple binds without TLS.
     */
    urls: z.array(z.string().min(1)).min(1).max(10),
    /** PEM file with the CA that signed the DCs' certificates (an internal AD CS root); default: Node's CA store. */
    caFile: z.string().min(1).optional(),
    /** Upgrade `ldap://` URLs with StartTLS before binding. Required for `ldap://`, not allowed with `ldaps://`. */
    startTls: z.boolean().default(false),
    /** Name the DC certificate must carry when the URL uses an IP address or an alias (TLS server name). */
    servername: z.string().min(1).optional(),
    /** Where staff accounts are searched (whole subtree), e.g. `["OU=Zorg,DC=pantein,DC=local"]`. */
    baseDns: z.array(z.string().min(3)).min(1).max(20),
    /** The service account (DN or UPN) with only Reset Password + write lockoutTime/pwdLastSet on those OUs. */
    bindDn: z.string().min(1),
    /** Environment variable holding the service account's password, or `<VAR>_FILE` naming a file with it. */
    bindPasswordEnv: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name')
      .default('RESET_KIOSK_AD_PASSWORD'),
    /** Attribute names; the birthdate may be stored as YYYY-MM-DD, YYYYMMDD or dd-mm-jjjj. */
    attributes: z
      .object({
        /** Date of birth as synchronised by HR: `employeeID` or an `extensionAttributeN`. */
        birthdate: attributeName.default('employeeID'),
        /** Mobile number the code is sent to. */
        mobile: attributeName.default('mobile'),
        givenName: attributeName.default('givenName'),
        surname: attributeName.default('sn'),
        displayName: attributeName.default('displayName'),
      })
      .strict()
      .prefault({}),
    timeouts: z
      .object({
        /** TCP connect + TLS handshake per DC before trying the next one. */
        connectMs: millis(100, 60_000, 5000),
        /** Each LDAP operation (bind, search, modify). */
        operationMs: millis(100, 120_000, 10_000),
      })
      .strict()
      .prefault({}),
    /**
     * Service-account connections kept open and bound between operations (src-main/directory/ad/pool.ts): a
     * new one costs TLS + bind, ~10–13 ms, twice per reset. `size`: connections kept and shared at most (0 = a
     * new connection per operation, no pool); more callers at once wait for one, at most `operationMs`, then
     * open their own. `idleMs`: an unused one is unbound and closed after this, well below AD's
     * MaxConnIdleTime (900 s), so the DC never drops a connection we still count on.
     */
    pool: z
      .object({
        size: z.number().int().min(0).max(16).default(2),
        idleMs: millis(100, 600_000, 60_000),
      })
      .strict()
      .prefault({}),
  })
  .strict()
  .superRefine((c, ctx) => {
    c.urls.forEach((url, i) => {
      const problem = urlProblem(url, c.startTls);
      if (problem) ctx.addIssue({ code: 'custom', path: ['urls', i], message: problem });
    });
  });

/** Why a DC URL is not acceptable, or undefined. Config time, so a kiosk never binds in clear text. */
function urlProblem(url: string, startTls: boolean): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return `not a URL: ${url}`;
  }
  if (!u.hostname) return `no host in ${url}`;
  if (u.pathname.replace(/^\/$/, '') || u.search || u.hash) return `only scheme, host and port are allowed: ${url}`;
  if (u.protocol === 'ldaps:') return startTls ? 'startTls cannot be used with ldaps:// (already TLS)' : undefined;
  if (u.protocol === 'ldap:')
    return startTls ? undefined : 'plain ldap:// is refused: use ldaps:// or set startTls: true';
  return `scheme must be ldaps:// or ldap:// (with startTls): ${url}`;
}

export const directorySchema = z.discriminatedUnion('type', [demoDirectorySchema, adDirectorySchema]);
export type DirectoryConfig = z.infer<typeof directorySchema>;
export type AdDirectoryConfig = z.infer<typeof adDirectorySchema>;
