// Config section `password`: the rules for a new password beyond the directory's own (docs/security.md "Password rules").
// The session's rules are the stricter of these and the directory's (domain policy or the user's PSO).
import { z } from 'zod';

// A word the organisation wants refused, matched one edit away and with look-alikes (W3lk0m = Welkom).
const word = z
  .string()
  .trim()
  .min(3)
  .max(40)
  .regex(/^[^\p{Cc}]+$/u, 'no control characters');

export const passwordSchema = z
  .object({
    /** The manual's minimum; the directory's (minPwdLength or a PSO) wins when it is higher. */
    minLength: z.number().int().min(8).max(64).default(8),
    mustChangeAtNextLogon: z.boolean().default(false),
    /**
     * Refuse common and easy-to-guess passwords (NIST SP 800-63B 5.1.1.2): the list of breached passwords, the
     * Dutch spraying words (seasons, months, greetings, "wachtwoord"), last/this/next year, the organisation's
     * name, the servicedesk's and the applications' names, and `words`. On by default; off only with a reason.
     */
    banned: z
      .object({ enabled: z.boolean().default(true), words: z.array(word).max(1000).default([]) })
      .strict()
      .prefault({}),
    /**
     * Also ask Have I Been Pwned's range API whether the password is known from a breach. Off by default: only
     * the first 5 hex digits of its SHA-1 leave (k-anonymity, padded answers), but it is a call to the internet
     * on every accepted password. Fails open after `timeoutMs` (the offline rules still apply).
     */
    breachCheck: z
      .object({
        enabled: z.boolean().default(false),
        timeoutMs: z.number().int().min(200).max(10_000).default(2000),
        /** TEST/PROXY ONLY: another origin for the range API; plain http only to this machine. */
        baseUrl: z
          .url({ protocol: /^https?$/ })
          .refine(
            (u) => u.startsWith('https:') || /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/.test(u),
            'http only to this machine; use https otherwise',
          )
          .default('https://api.pwnedpasswords.com'),
      })
      .strict()
      .prefault({}),
  })
  .strict();
export type PasswordConfig = z.infer<typeof passwordSchema>;
