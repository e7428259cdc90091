// The shape every language must fill in. `Record<ErrorCode, …>` and `Record<RuleId, …>` make a new code in
// contract.ts a type error here until both languages have a message for it.
import type { ErrorCode, Lang, LimitScope, RuleId } from '../../src-main/core/contract.js';

/** Where the wizard runs: the locked-down kiosk (window.resetKiosk) or a browser. Some texts differ. */
export type Host = 'kiosk' | 'web';

/** What an error tells the user: what happened (the title), then one idea per line; `list` for named rules. */
export type ErrorText = { title: string; lines: string[]; list?: string[]; more?: { summary: string; text: string } };

/** Values some error texts need (from the Failure answer, info() and the host). */
export type ErrorValues = {
  host: Host;
  attemptsLeft?: number | undefined;
  retryAfterSeconds?: number | undefined;
  limit?: LimitScope | undefined;
  /** info().mobileRegistration in this language. */
  mobileRegistration?: string | undefined;
  /** info().channelName in this language, as in "via …". */
  channel: string;
  /** The servicedesk's phone number: in every message that says to call. */
  phone: string;
  /** password_policy / password_rejected: the texts of the rules the password does not meet. */
  failing?: string[] | undefined;
};

export type PageTitle = 'username' | 'birthdate' | 'code' | 'password' | 'done' | 'offline';

export interface Messages {
  lang: Lang;
  /** The language's own name, shown on the switch ("Nederlands", "English"). */
  languageName: string;
  languageSwitchLabel: string;
  /** The product's name in the header: the staff know it by what it solves. */
  product: string;
  /** Badge in the header when the host runs on the embedded demo directory and SMS outbox. */
  demo: string;
  /** The window title: what this step is about first (screen readers and tabs show the start), then who. */
  pageTitle: (part: string, organisation: string | undefined, failed: boolean) => string;
  titles: Record<PageTitle, string>;
  stepOf: (step: number, total: number) => string;
  next: string;
  cancel: string;
  /** Annuleren after a code was sent: asked once. */
  cancelConfirm: { question: string; text: string; yes: string; no: string };
  loading: string;
  retry: string;
  /** "2 minuten", "3 uur": how long a wait lasts. */
  duration: (seconds: number) => string;
  idle: {
    title: string;
    countdown: (seconds: number) => string;
    keepGoing: string;
    /** On the start screen after an idle wipe. */
    wiped: string;
  };
  username: {
    heading: string;
    intro: string;
    needs: (channel: string) => string[];
    label: string;
    hint: string;
    /** The start screen's second choice: unlock only (the account is locked, the password is known). */
    toUnlock: string;
  };
  /** The unlock-only flow: its start screen and its success screen. */
  unlock: {
    heading: string;
    intro: string;
    needs: (channel: string) => string[];
    /** Back to the first choice. */
    toReset: string;
    doneHeading: string;
    doneSuccess: string;
  };
  birthdate: {
    heading: string;
    intro: string;
    for: string;
    label: string;
    hint: string;
    /** A code went to her phone moments ago (she cancelled and started again): calm, with a live countdown. */
    waitTitle: string;
    wait: (seconds: number) => string;
  };
  code: {
    heading: string;
    /** `lastDigits`: the end of her number ("78"), read as digits, not as a row of bullets. */
    sentTo: (channel: string, lastDigits: string, validMinutes: number) => string;
    label: string;
    hint: string;
    resend: string;
    /** The resend button while the server does not allow a new code yet. */
    resendIn: (seconds: number) => string;
    resent: string;
  };
  password: {
    heading: string;
    intro: string;
    label: string;
    repeatLabel: string;
    /** The eye beside each password field (its accessible name). */
    show: string;
    hide: string;
    /** Live, under the repeat field. */
    same: string;
    notSame: string;
    /** Before the session's last checks: how many are left. */
    checksLeft: (n: number) => string;
    rulesHeading: string;
    ruleMet: string;
    ruleNotMet: string;
    ruleLater: string;
    /** The checklist's polite summary for screen readers, a moment after typing stops. */
    summary: (missing: string[]) => string;
    /** History, where the directory really checks it on a reset. */
    ruleDomain: string;
    /** History, where it cannot (Samba, AD without policy hints): not promised. */
    ruleNotChecked: string;
  };
  done: {
    heading: string;
    success: (host: Host) => string;
    applicationsIntro: string;
    finished: (host: Host) => string;
    /** Kiosk only: the screen closes by itself; any input gives more time. */
    returning: (seconds: number) => string;
    again: (host: Host) => string;
  };
  /** The number: the minimum length for `length`, how many previous passwords for `history`. */
  rules: Record<RuleId, (n: number) => string>;
  errors: Record<ErrorCode, (v: ErrorValues) => ErrorText>;
  servicedesk: {
    intro: string;
    phone: string;
    email: string;
    hours: string;
    reference: (correlationId: string) => string;
    /** "Bel de servicedesk: 0485 – 845 900." */
    call: (phone: string) => string;
  };
}
