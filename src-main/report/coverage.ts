// Who can use the reset today: for every account, whether it is enabled, has a birthdate we can read and a
// mobile number a code may go to (libphonenumber-js and sms.allowedCountries, sms/phone.ts), and is not a
// protected account. Only counts and "what is missing" leave here: never a birthdate or a number.
import type { MobileNormaliser, PhoneRefusal } from '../core/ports/phone.js';
import { safeText } from '../safe-text.js';
import type { ReportAccount } from '../directory/ad/index.js';

export type Missing = 'disabled' | 'protected' | 'birthdate' | `mobile_${PhoneRefusal}`;

export class Coverage {
  accounts = 0;
  enabled = 0;
  usableMobile = 0;
  parsableBirthdate = 0;
  ready = 0;
  protectedAccounts = 0;
  readonly mobileProblems: Partial<Record<PhoneRefusal, number>> = {};
  /** Accounts that cannot use it, with what is missing (for HR's CSV). */
  readonly notReady: { username: string; missing: Missing[] }[] = [];

  constructor(private readonly mobile: MobileNormaliser) {}

  add(a: ReportAccount): void {
    const missing: Missing[] = [];
    this.accounts++;
    if (a.disabled) missing.push('disabled');
    else this.enabled++;
    if (a.protected) {
      this.protectedAccounts++;
      missing.push('protected');
    }
    if (a.birthdate) this.parsableBirthdate++;
    else missing.push('birthdate');
    const m = this.mobile(a.mobile);
    if (m.ok) this.usableMobile++;
    else {
      this.mobileProblems[m.reason] = (this.mobileProblems[m.reason] ?? 0) + 1;
      missing.push(`mobile_${m.reason}`);
    }
    if (missing.length === 0) this.ready++;
    else this.notReady.push({ username: a.username, missing });
  }

  lines(): string[] {
    const pct = (n: number) => (this.accounts ? ` (${Math.round((100 * n) / this.accounts)}%)` : '');
    const problems = Object.entries(this.mobileProblems)
      .map(([k, n]) => `${k.replaceAll('_', ' ')} ${n}`)
      .join(', ');
    return [
      `accounts:              ${this.accounts}`,
      `enabled:               ${this.enabled}${pct(this.enabled)}`,
      `usable mobile:         ${this.usableMobile}${pct(this.usableMobile)}${problems ? `   (not usable: ${problems})` : ''}`,
      `parsable birthdate:    ${this.parsableBirthdate}${pct(this.parsableBirthdate)}`,
      ...(this.protectedAccounts
        ? [`protected (adminCount): ${this.protectedAccounts}   (the service account cannot reset these)`]
        : []),
      `able to use the reset: ${this.ready}${pct(this.ready)}`,
    ];
  }

  /** username,missing — one row per account that cannot use it; never a value. Safe for spreadsheets. */
  csv(): string {
    // A leading = + - @ (or tab/CR), or their full-width forms (＝ ＋ － ＠, which spreadsheets with East Asian
    // input read as formula starters too), would make a spreadsheet run the cell as a formula (OWASP CSV
    // injection); controls and bidi overrides are shown escaped (safe-text.ts).
    const cell = (raw: string) => {
      const v = safeText(raw);
      return `"${(/^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/u.test(v) ? `'${v}` : v).replaceAll('"', '""')}"`;
    };
    return (
      ['username,missing', ...this.notReady.map((r) => `${cell(r.username)},${cell(r.missing.join(' '))}`)].join(
        '\r\n',
      ) + '\r\n'
    );
  }
}
