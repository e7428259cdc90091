// The one place that turns the `password` config into the banned-password screen (core/ports/passwords.ts).
// The breached-password list is imported only when the rule is on, and loaded in the background from start-up,
// so neither the demo with the rule off nor the first user pays for it; HIBP only when breachCheck is on.
import type { Config } from '../config/schema.js';
import type { Clock } from '../core/ports/clock.js';
import type { Logger } from '../core/ports/log.js';
import type { PasswordScreen } from '../core/ports/passwords.js';
import { createPasswordScreen } from '../core/password-screen.js';

export async function createScreen(
  config: Config,
  log: Logger,
  now: Clock,
): Promise<{ screen: PasswordScreen | undefined; describe: string }> {
  const { banned, breachCheck } = config.password;
  if (!banned.enabled)
    return { screen: undefined, describe: 'banned-password rule: OFF (password.banned.enabled is false)' };
  const common = () => import('./common-list.js').then((m) => m.commonPasswords());
  // A load failure here only logs; the first password judged then fails (closed) with `internal`.
  common().catch((e: Error) => log.error({ err: e.message }, 'banned-password list could not be loaded'));
  const breach = breachCheck.enabled ? new (await import('./hibp.js')).HibpBreachCheck(breachCheck, log) : undefined;
  const screen = createPasswordScreen(
    { common, breach, now },
    {
      organisation: config.organisation,
      servicedesk: config.servicedesk.name,
      applications: config.applications,
      extra: banned.words,
    },
  );
  const online = breach
    ? `, plus HIBP range API at ${breachCheck.baseUrl} (k-anonymity, fail open after ${breachCheck.timeoutMs} ms)`
    : '';
  return {
    screen,
    describe: `banned-password rule: on (breached-password list, Dutch and organisation words, ${banned.words.length} configured${online})`,
  };
}
