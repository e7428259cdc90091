// The password step's rules for one session: which rules apply to this user (the stricter of the config and the
// directory's own policy: a PSO may ask for 14 where the manual says 8), and the server's verdict on a password.
// A password the DC would refuse for length or complexity is refused here, before any modify, with the rule that
// fails; the DC still has the last word (its own refusal is `password_rejected`).
import type { PasswordPolicy, RuleResult } from './contract.js';
import { allPass, checkPolicy, forbiddenWords } from './policy.js';
import type { Directory } from './ports/directory.js';
import type { Logger } from './ports/log.js';
import type { PasswordScreen } from './ports/passwords.js';
import type { SessionUser } from './session.js';

/** The manual's "niet een van je laatste 5": used where the directory does not say. */
export const MANUAL_HISTORY = 5;

export type RulesConfig = { minLength: number; screen?: PasswordScreen | undefined };

/**
 * This user's rules. When the directory's policy cannot be read the config's rules apply (fail open is safe
 * here: the DC enforces its own policy on the write anyway) and the log says so.
 */
export async function sessionPolicy(
  directory: Directory,
  user: SessionUser,
  cfg: RulesConfig,
  log: Logger,
): Promise<PasswordPolicy> {
  const dc = await directory.passwordPolicy(user).catch((e: Error) => {
    log.warn(
      { user: user.username, err: e.message },
      'password policy not read from the directory: the configured rules apply, the directory still decides on the write',
    );
    return undefined;
  });
  const history = dc ? dc.historyLength : MANUAL_HISTORY;
  return {
    minLength: Math.max(cfg.minLength, dc?.minLength ?? 0),
    complexity: dc?.complexity ?? true, // unknown: assume AD's default (on)
    history,
    historyChecked: directory.enforcesHistory && history > 0,
    banned: cfg.screen !== undefined,
  };
}

/** Every rule's verdict; the banned rule asks the screen (online only once all other rules pass). */
export async function judgePassword(
  password: string,
  user: SessionUser,
  policy: PasswordPolicy,
  screen: PasswordScreen | undefined,
): Promise<RuleResult[]> {
  const rules = checkPolicy(password, {
    ...policy,
    banned: policy.banned && screen !== undefined,
    forbiddenWords: forbiddenWords(user),
  });
  const banned = rules.find((r) => r.id === 'banned');
  if (banned && screen) banned.ok = !(await screen.isBanned(password, { online: allPass(rules) }));
  return rules;
}
