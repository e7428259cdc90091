// What the core needs to judge a new password beyond its own rules (core/policy.ts): the banned-password
// screen (core/password-screen.ts builds it from core/banned.ts and lists the composition root loads) and,
// inside it, the optional online breach check (src-main/passwords/hibp.ts).

export interface PasswordScreen {
  /**
   * true = refuse it: common, easy to guess, or (when the breach check is on and `online`) known from a breach.
   * The flow sets `online` only once every other rule passed, so a half-typed password never leaves the server,
   * even hashed. The password is compared in memory only: never logged, stored or sent elsewhere.
   */
  isBanned(password: string, opts: { online: boolean }): Promise<boolean>;
}

/** "Known from a breach": true / false, or undefined when the check could not answer (it fails open, logged). */
export interface BreachCheck {
  isBreached(password: string): Promise<boolean | undefined>;
}
