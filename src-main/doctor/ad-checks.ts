// The AD side of `doctor`, on the adapter's own reads (directory/ad/probes.ts: same TLS and failover): the
// service account binds; it is not a privileged account; the DC can enforce password history on reset; the test
// user's birthdate and mobile can be read. Values are never printed: only whether they are there and usable.
import type { AdDirectoryConfig } from '../config/directory.js';
import type { Config } from '../config/schema.js';
import { silentLogger } from '../core/ports/log.js';
import {
  AdDirectory,
  describeError,
  ldapCode,
  pickPolicyHintsOid,
  probeServiceAccount,
  readStoredValues,
  type AdConnectionSettings,
} from '../directory/ad/index.js';
import { maskMobile, normaliseMobile } from '../sms/phone.js';
import { failed, ok, warn, type Check } from './report.js';

// AD's "data" codes in a refused simple bind (49), [MS-ADTS] / common AD diagnostics.
const BIND_DATA: Record<string, string> = {
  '52e': 'wrong password for this account (or no such account)',
  '525': 'no such account',
  '530': 'not allowed to log on at this time',
  '531': 'not allowed to log on from this workstation',
  '532': 'its password has expired',
  '533': 'the account is disabled',
  '701': 'the account has expired',
  '773': 'it must change its password first',
  '775': 'the account is locked out',
};

export async function checkBindAndPolicy(config: AdDirectoryConfig, settings: AdConnectionSettings): Promise<Check[]> {
  let probe;
  try {
    probe = await probeServiceAccount(settings, config.bindDn);
  } catch (e) {
    return [failed(`AD bind as ${config.bindDn}`, describeError(e), bindFix(e, config.bindPasswordEnv))];
  }
  const checks = [ok(`AD bind as ${config.bindDn}`, 'the service account binds')];
  const { root, protectedAccount } = probe;
  if (protectedAccount) {
    checks.push(
      failed(
        'AD least privilege',
        'the service account is a protected (admin-level) account (adminCount=1)',
        'use a dedicated account with only "Reset Password" and write lockoutTime/pwdLastSet on the staff OUs',
      ),
    );
  }
  checks.push(historyCheck(root.supportedControl));
  return checks;
}

/**
 * Whether a reset can enforce password history, from the root DSE's supportedControl. Every AD DC lists dozens of
 * controls there ([MS-ADTS] 3.1.1.3.4.1), so an empty list means the root DSE could not be read — not that the
 * control is missing: then it says "not checked" instead of warning that history is not enforced.
 */
export function historyCheck(supportedControl: string[]): Check {
  const title = 'AD password history on reset';
  if (supportedControl.length === 0)
    return warn(
      title,
      'not checked: the DC did not show its root DSE (supportedControl)',
      'run doctor again when the DC answers; if this stays, the DC hides its root DSE from the service account',
    );
  const oid = pickPolicyHintsOid(supportedControl);
  return oid
    ? ok(title, `enforced: the DC supports LDAP_SERVER_POLICY_HINTS (${oid})`)
    : warn(
        title,
        'NOT enforced: the DC does not list LDAP_SERVER_POLICY_HINTS (Samba, Windows before 2012 R2)',
        'the wizard shows the history rule as "cannot be checked on this reset"; a DC on Windows Server 2012 R2 or later fixes this',
      );
}

export async function checkTestUser(
  config: Config & { directory: AdDirectoryConfig },
  settings: AdConnectionSettings,
  username: string,
  env: NodeJS.ProcessEnv,
): Promise<Check[]> {
  const title = `AD test user ${username}`;
  // The adapter's own lookup, exactly as a reset does it; the raw read below only explains a missing value.
  const directory = await AdDirectory.create(config.directory, silentLogger, env);
  let user;
  try {
    user = await directory.findUser(username);
  } catch (e) {
    return [
      failed(
        title,
        describeError(e),
        'the search failed: check baseDns and that the service account may read users there',
      ),
    ];
  }
  if (!user)
    return [
      failed(
        title,
        'not found (or more than one match) under baseDns',
        `check the name and directory.baseDns (${config.directory.baseDns.join('; ')})`,
      ),
    ];
  const a = config.directory.attributes;
  const raw = await readStoredValues(settings, user.id, [a.birthdate, a.mobile]);
  const checks: Check[] = [
    ok(title, `found ${user.id}${user.disabled ? ' (disabled: it would get the generic message)' : ''}`),
  ];

  const stored = raw[a.birthdate.toLowerCase()];
  if (user.birthdate) checks.push(ok(`AD birthdate (${a.birthdate})`, 'readable, a valid date'));
  else if (stored === undefined)
    checks.push(
      failed(
        `AD birthdate (${a.birthdate})`,
        'empty, or not readable by the service account',
        `fill ${a.birthdate} for staff (HR sync), or grant the service account Read Property on it`,
      ),
    );
  else
    checks.push(
      failed(
        `AD birthdate (${a.birthdate})`,
        `stored as "${shape(stored)}", which is no date we read`,
        'store it as YYYY-MM-DD, YYYYMMDD or dd-mm-jjjj',
      ),
    );

  const mobile = normaliseMobile(user.mobile, {
    defaultCountry: config.sms.defaultCountry,
    allowedCountries: config.sms.allowedCountries,
  });
  if (mobile.ok)
    checks.push(
      ok(
        `AD mobile (${a.mobile})`,
        `readable, a mobile number in ${config.sms.allowedCountries.join('/')} (${maskMobile(mobile.e164)})`,
      ),
    );
  else if (mobile.reason === 'missing')
    checks.push(
      failed(
        `AD mobile (${a.mobile})`,
        'empty, or not readable by the service account',
        `fill ${a.mobile} for staff, or grant the service account Read Property on it`,
      ),
    );
  else
    checks.push(
      failed(
        `AD mobile (${a.mobile})`,
        `stored but not usable (${mobile.reason.replaceAll('_', ' ')})`,
        `store a mobile number of ${config.sms.allowedCountries.join('/')}, e.g. 06 12345678 or +31 6 12345678`,
      ),
    );
  return checks;
}

/** "1984-10-01" → "9999-99-99": shows the admin the format without printing anyone's birthdate. */
const shape = (v: string): string => v.replace(/\p{L}/gu, 'a').replace(/\d/g, '9').slice(0, 20);

function bindFix(e: unknown, envVar: string): string {
  const code = ldapCode(e);
  if (code === 49) {
    const data = /data ([0-9a-f]{3})/i.exec(String((e as Error).message))?.[1]?.toLowerCase();
    return `AD refused the service account: ${(data && BIND_DATA[data]) ?? 'invalid credentials'}; check directory.bindDn and ${envVar}`;
  }
  if (code === 8) return 'the DC wants transport encryption: use ldaps:// or startTls';
  return 'the DC did not answer the bind: see the TLS lines above';
}
