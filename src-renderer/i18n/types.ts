// The shape every language must fill in. `Record<ErrorCode, …>` and `Record<RuleId, …>` make a new code in
// contract.ts a type error here until both languages have a message for it.
import type { ErrorCode, Lang, RuleId, Servicedesk } from '../../src-main/core/contract.js';

/** What an error tells the user: what happened and what to do next. */
export type ErrorText = { title: string; action: string };

/** Values some error texts need (from the Failure answer). */
export type ErrorValues = { attemptsLeft?: number; retryAfterSeconds?: number; mobileRegistration?: string };

export interface Messages {
  lang: Lang;
  /** The language's own name, shown on the switch ("Nederlands", "English"). */
  languageName: string;
  languageSwitchLabel: string;
  /** The product's name in the header: the staff know it by what it solves. */
  product: string;
  /** Badge in the header when the host runs on the embedded demo directory and SMS outbox. */
  demo: string;
  appTitle: (organisation: string) => string;
  stepOf: (step: number, total: number) => string;
  next: string;
  cancel: string;
  loading: string;
  retry: string;
  busy: string;
  username: {
    heading: string;
    intro: string;
    needs: string[];
    label: string;
    hint: string;
    /** The start screen's second choice: unlock only (the account is locked, the password is known). */
    toUnlock: string;
  };
  /** The unlock-only flow: its start screen and its success screen. */
  unlock: {
    heading: string;
    intro: string;
    needs: string[];
    /** Back to the first choice. */
    toReset: string;
    doneHeading: string;
    doneSuccess: string;
  };
  birthdate: { heading: string; intro: string; for: string; label: string; hint: string };
  code: {
    heading: string;
    sentTo: (maskedMobile: string, validMinutes: number) => string;
    label: string;
    hint: string;
    resend: string;
    resendIn: (seconds: number) => string;
    resent: (maskedMobile: string) => string;
  };
  password: {
    heading: string;
    intro: string;
    label: string;
    repeatLabel: string;
    show: string;
    hide: string;
    rulesHeading: string;
    ruleMet: string;
    ruleNotMet: string;
    ruleLater: string;
    /** History, where the directory really checks it on a reset. */
    ruleDomain: string;
    /** History, where it cannot (Samba, AD without policy hints): not promised. */
    ruleNotChecked: string;
  };
  done: {
    heading: string;
    success: string;
    applicationsIntro: string;
    finished: string;
    returning: (seconds: number) => string;
    again: string;
  };
  /** The number: the minimum length for `length`, how many previous passwords for `history`. */
  rules: Record<RuleId, (n: number) => string>;
  errors: Record<ErrorCode, (v: ErrorValues) => ErrorText>;
  servicedesk: {
    intro: string;
    contact: (sd: Servicedesk) => string;
    phone: string;
    email: string;
    hours: string;
    reference: (correlationId: string) => string;
  };
}
