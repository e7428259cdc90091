// `doctor`: can colleagues read the birthdate? The identity step rests on the birthdate AND the phone; a birthdate
// every authenticated user can list (employeeID is, by default) leaves only the phone. Two lines:
// - the attribute's schema entry: ✓ confidential (searchFlags 0x80), else ✗ with how to fix it;
// - with `--probe-user` (an ordinary account, its password in RESET_KIOSK_PROBE_PASSWORD or _FILE): that account
//   binds and tries to read the test user's birthdate — ✗ when it can. The service account must still read it
//   (the test-user line says so).
import type { AdDirectoryConfig } from '../config/directory.js';
import { readSecret } from '../config/load.js';
import { silentLogger } from '../core/ports/log.js';
import {
  AdDirectory,
  canRead,
  describeError,
  readAttributeSchema,
  SEARCH_FLAG_CONFIDENTIAL,
  SYSTEM_FLAG_BASE_SCHEMA,
  type AdConnectionSettings,
} from '../directory/ad/index.js';
import { failed, ok, warn, type Check } from './report.js';

export const PROBE_PASSWORD_ENV = 'RESET_KIOSK_PROBE_PASSWORD';

const FIX = (attr: string, base: boolean) =>
  (base
    ? `${attr} is a base schema attribute, which AD cannot mark confidential: keep the birthdate in one that can (e.g. an extensionAttribute, or an attribute of your own), then `
    : `in the schema set searchFlags of ${attr} |= 0x80 (confidential), then `) +
  'grant the service account "Read" + CONTROL_ACCESS on that attribute on the staff OUs (dsacls OU /I:S /G "DOMAIN\\svc-kiosk:CA;<attribute>;user"), and set directory.attributes.birthdate to it — see docs/active-directory.md "A birthdate only the service may read"';

export async function checkBirthdateSchema(config: AdDirectoryConfig, settings: AdConnectionSettings): Promise<Check> {
  const attr = config.attributes.birthdate;
  const title = `AD birthdate confidential (${attr})`;
  let schema;
  try {
    schema = await readAttributeSchema(settings, attr);
  } catch (e) {
    return warn(
      title,
      `the schema could not be read: ${describeError(e)}`,
      'run doctor as an account that may read the schema to check this',
    );
  }
  if (!schema) return warn(title, `no attribute ${attr} in the schema`, 'check directory.attributes.birthdate');
  if (schema.searchFlags & SEARCH_FLAG_CONFIDENTIAL)
    return ok(title, `searchFlags ${schema.searchFlags}: confidential, readable only with CONTROL_ACCESS`);
  return failed(
    title,
    `searchFlags ${schema.searchFlags}: every authenticated user can read every colleague's birthdate`,
    FIX(attr, (schema.systemFlags & SYSTEM_FLAG_BASE_SCHEMA) !== 0),
  );
}

/** The schema line, and the probe line when `--probe-user` was given (it needs the test user of `--user`). */
export async function confidentialChecks(
  config: AdDirectoryConfig,
  settings: AdConnectionSettings,
  user: string | undefined,
  probe: string | undefined,
  env: NodeJS.ProcessEnv,
): Promise<Check[]> {
  const checks = [await checkBirthdateSchema(config, settings)];
  if (!probe) return checks;
  const title = `AD birthdate hidden from ${probe}`;
  if (!user)
    return [...checks, failed(title, 'not checked: whose birthdate?', 'give the test user with --user NAME as well')];
  const directory = await AdDirectory.create(config, silentLogger, env);
  const found = await directory
    .findUser(user)
    .catch(() => null)
    .finally(() => directory.close());
  if (!found) return [...checks, failed(title, `not checked: test user ${user} not found`, 'see the test user line')];
  return [...checks, await checkProbeUser(config, settings, probe, found.id, env)];
}

export async function checkProbeUser(
  config: AdDirectoryConfig,
  settings: AdConnectionSettings,
  probe: string,
  testUserDn: string,
  env: NodeJS.ProcessEnv,
): Promise<Check> {
  const attr = config.attributes.birthdate;
  const title = `AD birthdate hidden from ${probe}`;
  const password = readSecret(PROBE_PASSWORD_ENV, env);
  if (!password)
    return failed(
      title,
      'not checked: no password',
      `set ${PROBE_PASSWORD_ENV} (or ${PROBE_PASSWORD_ENV}_FILE) to the probe account's password`,
    );
  try {
    const readable = await canRead(settings, { bindDn: probe, password }, testUserDn, attr);
    return readable
      ? failed(
          title,
          `an ordinary account reads ${attr} of the test user: any colleague can list birthdates`,
          FIX(attr, false),
        )
      : ok(title, `an ordinary account cannot read ${attr} of the test user`);
  } catch (e) {
    return failed(
      title,
      `the probe account could not bind or search: ${describeError(e)}`,
      'give an ordinary account as UPN (name@domain) or DN, and its password',
    );
  }
}
