// Drives the wizard the way a person does: by the visible labels of the staff manual (Gebruikersnaam,
// Geboortedatum, Wachtwoordcode, Nieuw wachtwoord, Herhaal nieuw wachtwoord) and the Volgende button.
import { expect, type Locator, type Page } from '@playwright/test';
import type { Outbox } from './outbox.js';
import { RESEND_AFTER_SECONDS, SIZE_HOST } from './servers.js';
import type { DemoUser } from '../../helpers/demo-users.js';

export const LABELS = {
  nl: {
    username: 'Gebruikersnaam',
    birthdate: 'Geboortedatum',
    code: 'Wachtwoordcode',
    password: 'Nieuw wachtwoord',
    repeat: 'Herhaal je nieuwe wachtwoord',
    next: 'Volgende',
    cancel: 'Annuleren',
  },
  en: {
    username: 'Username',
    birthdate: 'Date of birth',
    code: 'Password code',
    password: 'New password',
    repeat: 'Repeat your new password',
    next: 'Next',
    cancel: 'Cancel',
  },
} as const;
export type Labels = (typeof LABELS)[keyof typeof LABELS];

export class Kiosk {
  labels: Labels = LABELS.nl;

  constructor(
    readonly page: Page,
    readonly outbox: Outbox,
  ) {}

  field(name: keyof Omit<Labels, 'next' | 'cancel'>): Locator {
    return this.page.getByLabel(this.labels[name], { exact: true });
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  get alert(): Locator {
    return this.page.getByRole('alert');
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.field('username')).toBeFocused();
  }

  async next(): Promise<void> {
    await this.button(this.labels.next).click();
  }

  async cancel(): Promise<void> {
    await this.button(this.labels.cancel).click();
  }

  /** Every step puts the cursor in its field, which the heading ("Stap 2 van 4: …") describes. */
  async expectStep(heading: string | RegExp): Promise<void> {
    await expect(this.heading).toContainText(heading);
    const focused = this.page.locator(':focus');
    await expect(focused).toHaveAttribute('aria-describedby', /(^| )step-heading( |$)/);
  }

  async enterUsername(username: string): Promise<void> {
    await this.field('username').fill(username);
    await this.next();
  }

  async enterBirthdate(birthdate: string): Promise<void> {
    await this.field('birthdate').fill(birthdate);
    await this.next();
  }

  /** Username and birthdate, then the code the outbox received for this user's mobile. */
  async requestCode(user: DemoUser): Promise<string> {
    await this.enterUsername(user.username);
    await expect(this.field('birthdate')).toBeVisible();
    const mark = this.outbox.mark();
    await this.enterBirthdate(user.birthdate);
    // One text per person per resendAfterSeconds, across sessions (issue 14): right after another test's text to
    // the same person the wizard says a code was just sent, counts down and goes on by itself (the size hosts wait
    // the product's 30 s, the main host 2 s).
    await expect(this.field('code')).toBeVisible({
      timeout: (Math.max(RESEND_AFTER_SECONDS, SIZE_HOST.resendAfterSeconds) + 5) * 1000,
    });
    return (await this.outbox.codeFor(user.mobile, mark)).code;
  }

  async enterCode(code: string): Promise<void> {
    await this.field('code').fill(code);
    await this.next();
  }

  /** Opens the wizard and walks to the password step. */
  async reachPasswordStep(user: DemoUser): Promise<void> {
    await this.open();
    await this.enterCode(await this.requestCode(user));
    await expect(this.field('password')).toBeVisible();
  }

  async enterPassword(password: string, repeat = password): Promise<void> {
    await this.field('password').fill(password);
    await this.field('repeat').fill(repeat);
    await this.next();
  }

  /** The checklist entry of one rule (data-rule is the contract's RuleId). */
  rule(id: string): Locator {
    return this.page.locator(`[data-rule="${id}"]`);
  }

  async expectRule(id: string, state: 'met' | 'failed' | 'open'): Promise<void> {
    await expect(this.rule(id)).toHaveAttribute('data-state', state);
  }

  async expectStart(): Promise<void> {
    await expect(this.field('username')).toBeVisible();
    await expect(this.field('username')).toHaveValue('');
  }
}
