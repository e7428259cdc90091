// The non-AD lines of `doctor`: SMS credentials (the SMS adapter's own check), the audit trail, the store, and
// the test user on the demo directory.
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { resolveAudit } from '../config/audit.js';
import type { Config } from '../config/schema.js';
import { silentLogger } from '../core/ports/log.js';
import { verifyAuditFile } from '../audit/verify.js';
import { AUDIT_FILE_RULE } from '../audit/file-sink.js';
import { checkFile } from '../private-file.js';
import type { Directory } from '../core/ports/directory.js';
import { checkSmsCredentials } from '../sms/check.js';
import { maskMobile, normaliseMobile } from '../sms/phone.js';
import { readSecret } from '../config/load.js';
import { connectRedis, safeUrl } from '../store/redis-client.js';
import { loadPepper, PEPPER_ENV } from '../store/pepper.js';
import { failed, ok, reason, warn, type Check } from './report.js';

export async function checkSms(config: Config, env: NodeJS.ProcessEnv, demo: boolean): Promise<Check> {
  const r = await checkSmsCredentials(config, silentLogger, env).catch((e: unknown) => ({
    ok: false,
    detail: reason(e),
  }));
  if (r.ok && config.sms.provider.type === 'outbox' && !demo)
    return warn(
      'SMS (outbox)',
      'codes are written to a file: no one receives a text',
      'for real use set sms.provider.type "twilio-messaging" or "twilio-verify"',
    );
  return r.ok
    ? ok(`SMS (${config.sms.provider.type})`, r.detail)
    : failed(
        `SMS (${config.sms.provider.type})`,
        r.detail,
        'check sms.provider and the environment variables named in sms.provider.secretEnv',
      );
}

export async function checkAudit(config: Config, demo: boolean): Promise<Check> {
  const target = resolveAudit(config.audit);
  if (!target) {
    const detail = 'off: resets leave no audit trail';
    return demo
      ? warn('audit trail', detail, 'set audit.file for real use')
      : failed(
          'audit trail',
          detail,
          'set audit.file (e.g. C:/ProgramData/Wachtwoord vergeten/audit/audit-{host}.jsonl, or /var/lib/wachtwoord-vergeten/audit/audit-{host}.jsonl under the systemd unit)',
        );
  }
  const title = `audit trail ${target.file}`;
  const unsafe = await checkFile(target.file, AUDIT_FILE_RULE);
  if (unsafe)
    return failed(
      title,
      unsafe,
      'the service would refuse it: remove it (keep a copy as evidence) or make it a plain file of the service user, mode 600',
    );
  if (await exists(target.file)) {
    const r = await verifyAuditFile(target.file).catch((e: unknown) => ({
      ok: false as const,
      line: 0,
      reason: reason(e),
      records: 0,
    }));
    if (!r.ok)
      return failed(
        title,
        `line ${r.line}: ${r.reason}`,
        'the file was changed or damaged: keep it as evidence, move it away, and let a new one start',
      );
    try {
      await access(target.file, constants.W_OK);
    } catch {
      return failed(
        title,
        `${r.records} records, chain intact, but not writable`,
        'give the service user write access to the file',
      );
    }
    return ok(title, `${r.records} records, chain intact (host ${target.host})`);
  }
  let dir = dirname(target.file);
  while (!(await exists(dir)) && dirname(dir) !== dir) dir = dirname(dir);
  try {
    await access(dir, constants.W_OK);
    return ok(title, `will be created on first use (host ${target.host})`);
  } catch {
    return failed(
      title,
      `cannot be created: ${dir} is not writable`,
      'create the folder and give the service user write access',
    );
  }
}

export async function checkStore(config: Config, env: NodeJS.ProcessEnv): Promise<Check> {
  const store = config.store;
  if (store.type === 'memory') return ok('store', 'in memory (one host; use store.type "redis" to run several)');
  const title = `store Redis ${safeUrl(store.url)}`;
  try {
    loadPepper(store, env);
  } catch (e) {
    return failed(title, reason(e), `set ${PEPPER_ENV} (or ${PEPPER_ENV}_FILE) to the same value on every host`);
  }
  try {
    const redis = await connectRedis(store, silentLogger, env);
    await redis.quit();
    const plain = !store.url.startsWith('rediss://') || !readSecret(store.passwordEnv, env);
    if (plain)
      return warn(
        title,
        'answers PING, but without TLS or a password (store.allowPlainRedis)',
        'use rediss:// with caFile and a password unless Redis runs on this host only',
      );
    return ok(
      title,
      'answers PING over TLS with a password; codes and keys keyed with the server secret (sessions and limits shared by all hosts)',
    );
  } catch (e) {
    return failed(title, reason(e), `check store.url, the password in ${store.passwordEnv}, and the firewall`);
  }
}

/** The test user on any directory (the demo's; AD has its own, more telling check). */
export async function checkUserGeneric(directory: Directory, username: string, config: Config): Promise<Check[]> {
  const user = await directory.findUser(username).catch(() => null);
  if (!user) return [failed(`test user ${username}`, 'not found', 'give the name of an existing account with --user')];
  const mobile = normaliseMobile(user.mobile, {
    defaultCountry: config.sms.defaultCountry,
    allowedCountries: config.sms.allowedCountries,
  });
  return [
    ok(`test user ${username}`, 'found'),
    user.birthdate
      ? ok('birthdate', 'readable, a valid date')
      : failed('birthdate', 'missing or not a date', 'fill the birthdate for this user'),
    mobile.ok
      ? ok('mobile', `readable, a mobile number (${maskMobile(mobile.e164)})`)
      : failed(
          'mobile',
          `not usable (${mobile.reason.replaceAll('_', ' ')})`,
          'register a mobile number for this user',
        ),
  ];
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );
