// `doctor` on the password policy: the domain's (what every account gets without a PSO), whether the service
// account can read fine-grained policies (PSOs), and, with --user, the policy that user's reset will meet.
// The wizard asks the stricter of these and `password.minLength`; the DC still has the last word.
import type { AdDirectoryConfig } from '../config/directory.js';
import type { Config } from '../config/schema.js';
import type { DirectoryPasswordPolicy } from '../core/ports/directory.js';
import { silentLogger } from '../core/ports/log.js';
import {
  AdDirectory,
  describeError,
  readPolicyOverview,
  type AdConnectionSettings,
  type PsoListing,
} from '../directory/ad/index.js';
import { failed, ok, warn, type Check } from './report.js';

const days = (s: number) => (s === 0 ? '0 days' : `${Math.round((s / 86400) * 10) / 10} day${s === 86400 ? '' : 's'}`);

/** "minimum 8 characters, history 5, complexity on, minimum age 1 day (not applied to a reset)". */
export function describePolicy(p: DirectoryPasswordPolicy, configMin: number): string {
  const asked = Math.max(p.minLength, configMin);
  const wizard =
    asked === configMin && p.minLength < configMin ? `; the wizard asks ${asked} (password.minLength)` : '';
  // A reset is a password *set*: [MS-ADTS] 3.1.1.3.4.1.27 (policy hints) adds the history check to it, nothing
  // adds the minimum age, which [MS-SAMR] applies to a user's own change only.
  return `minimum ${p.minLength} characters${wizard}, history ${p.historyLength}, complexity ${p.complexity ? 'on' : 'off'}, minimum age ${days(p.minAgeSeconds)} (does not apply to a reset)`;
}

export async function checkPasswordPolicy(
  config: Config & { directory: AdDirectoryConfig },
  settings: AdConnectionSettings,
  user: string | undefined,
  env: NodeJS.ProcessEnv,
): Promise<Check[]> {
  let checks: Check[];
  try {
    const { domainDn, domain, container, psos } = await readPolicyOverview(settings);
    checks = [
      ok(`AD password policy (domain ${domainDn})`, describePolicy(domain, config.password.minLength)),
      psoCheck(psos, container),
    ];
  } catch (e) {
    return [
      failed(
        'AD password policy (domain)',
        describeError(e),
        'any authenticated account may read the domain head (minPwdLength, pwdHistoryLength, pwdProperties): check the bind above',
      ),
    ];
  }
  if (user) checks.push(await userPolicy(config, user, env));
  return checks;
}

function psoCheck(listing: PsoListing, container: string): Check {
  const title = 'AD fine-grained password policies (PSO)';
  if (listing.kind === 'no-container')
    return ok(title, 'none (no Password Settings Container: domain functional level below 2008)');
  if (listing.kind === 'unsearchable')
    return warn(
      title,
      `the Password Settings Container cannot be searched (${describeError(listing.error)})`,
      grant(container),
    );
  const { psos } = listing;
  if (psos.length === 0)
    return ok(title, 'none found (or the service account may not list them: run with --user for a member of one)');
  const unreadable = psos.filter((p) => p.minLength === undefined);
  const names = psos.map((p) =>
    p.minLength === undefined
      ? `${p.name} (not readable)`
      : `${p.name} (minimum ${p.minLength}, precedence ${p.precedence ?? '?'})`,
  );
  if (unreadable.length === 0) return ok(title, `${psos.length} readable: ${names.join('; ')}`);
  return warn(
    title,
    `${unreadable.length} of ${psos.length} not readable by the service account: ${names.join('; ')}. Their members would see the domain's rules, and the DC could refuse what the wizard accepted`,
    grant(container),
  );
}

/** Verified on Samba 4.17: an inherit-only Read Property ACE on the container, for msDS-PasswordSettings objects. */
const grant = (container: string) =>
  `grant the service account Read Property on PSOs (by default only Domain Admins may read them): dsacls "${container}" /I:S /G "DOMAIN\\svc-account:RP;;msDS-PasswordSettings"`;

async function userPolicy(
  config: Config & { directory: AdDirectoryConfig },
  username: string,
  env: NodeJS.ProcessEnv,
): Promise<Check> {
  const title = `AD password policy for ${username}`;
  const directory = await AdDirectory.create(config.directory, silentLogger, env);
  try {
    const user = await directory.findUser(username);
    if (!user) return warn(title, 'not checked: user not found (see the test user line)');
    const policy = await directory.passwordPolicy(user);
    const line = `${policy.source}: ${describePolicy(policy, config.password.minLength)}`;
    const container = /PSO [^,]+,(.+) not readable/.exec(policy.source)?.[1]; // the PSO's parent
    return container ? warn(title, line, grant(container)) : ok(title, line);
  } catch (e) {
    return failed(
      title,
      describeError(e),
      'the service account must read msDS-ResultantPSO on the user and the PSO it names',
    );
  } finally {
    await directory.close();
  }
}
