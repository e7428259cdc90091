// `doctor --config PATH [--user NAME]`: proves in one run that this installation can do a reset: the config is
// valid, each DC answers over TLS with the configured CA, the service account binds (and is no admin), the DC
// can enforce password history, the test user's birthdate and mobile are readable, SMS credentials work, the
// audit trail and the store are usable. Nothing is changed: no password is reset, no text is sent.
import { ConfigError, loadConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import type { AdDirectoryConfig } from '../config/directory.js';
import { adConnectionSettings } from '../directory/ad/index.js';
import { DemoDirectory } from '../directory/demo.js';
import { checkBindAndPolicy, checkTestUser } from './ad-checks.js';
import { checkPasswordPolicy } from './ad-policy-checks.js';
import { checkAudit, checkSms, checkStore, checkUserGeneric } from './other-checks.js';
import { failed, formatCheck, ok, reason, summary, warn, type Check } from './report.js';
import { checkTls } from './tls-check.js';
import { confidentialChecks } from './confidential-check.js';

export type DoctorOptions = {
  configPath?: string | undefined;
  user?: string | undefined;
  probeUser?: string | undefined;
  env?: NodeJS.ProcessEnv;
};

/** Runs every check, reporting each as it completes (`onCheck`), and returns them all. */
export async function runDoctor(opts: DoctorOptions, onCheck: (c: Check) => void = () => {}): Promise<Check[]> {
  const env = opts.env ?? process.env;
  const checks: Check[] = [];
  const add = (...cs: Check[]) => cs.forEach((c) => (checks.push(c), onCheck(c)));

  let config: Config;
  try {
    config = loadConfig(opts.configPath);
  } catch (e) {
    const unreadable = e instanceof ConfigError && e.message.startsWith('cannot read');
    const fix = unreadable
      ? 'check the path, and that this account may read the file'
      : 'fix the fields named above (see resources/config.example.json)';
    add(
      failed(
        `config ${opts.configPath ?? ''}`.trim(),
        e instanceof ConfigError ? e.message.replace(/\n\s*/g, '; ') : reason(e),
        fix,
      ),
    );
    return checks;
  }
  const demo = config.directory.type === 'demo';
  add(
    ok(
      `config ${opts.configPath ?? '(none: demo mode)'}`,
      `valid (directory ${config.directory.type}, sms ${config.sms.provider.type}, store ${config.store.type})`,
    ),
  );

  if (config.directory.type === 'ad')
    await adChecks({ ...config, directory: config.directory }, opts.user, env, add, opts.probeUser);
  else {
    add(warn('directory', 'the embedded demo directory (fictional people)', 'for real use set directory.type "ad"'));
    if (opts.user) add(...(await checkUserGeneric(DemoDirectory.load(config.directory.file), opts.user, config)));
  }
  add(await checkSms(config, env, demo));
  add(await checkAudit(config, demo));
  add(await checkStore(config, env));
  return checks;
}

async function adChecks(
  config: Config & { directory: AdDirectoryConfig },
  user: string | undefined,
  env: NodeJS.ProcessEnv,
  add: (...c: Check[]) => void,
  probeUser?: string,
): Promise<void> {
  let settings;
  try {
    settings = adConnectionSettings(config.directory, env);
  } catch (e) {
    return add(
      failed(
        'AD settings',
        reason(e),
        'correct the field, or set the environment variable, named above; nothing was tried against AD yet',
      ),
    );
  }
  for (const url of config.directory.urls) add(await checkTls(url, settings));
  const bind = await checkBindAndPolicy(config.directory, settings);
  add(...bind);
  if (bind[0]?.status !== 'ok') return;
  add(...(await checkPasswordPolicy(config, settings, user, env)));
  if (user) add(...(await checkTestUser(config, settings, user, env)));
  else
    add(
      warn('AD test user', 'not checked', 'run again with --user NAME to prove the birthdate and mobile can be read'),
    );
  add(...(await confidentialChecks(config.directory, settings, user, probeUser, env)));
}

export async function doctorCommand(opts: DoctorOptions, out: (line: string) => void = console.log): Promise<number> {
  out(`reset-kiosk doctor${opts.configPath ? ` — ${opts.configPath}` : ' — demo configuration (no --config)'}`);
  const checks = await runDoctor(opts, (c) => out(formatCheck(c)));
  const { text, exitCode } = summary(checks);
  out(text);
  return exitCode;
}
