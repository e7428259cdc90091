// Every refusal says what happens next and how to reach a person (issue 24): any message that says to call the
// servicedesk names its number, in both languages; no "probeer het opnieuw" next to a block; Dutch and English
// have the same shape.
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, type ErrorCode, type LimitScope } from '../../../src-main/core/contract.js';
import { en } from '../../../src-renderer/i18n/en.js';
import { nl } from '../../../src-renderer/i18n/nl.js';
import type { ErrorValues } from '../../../src-renderer/i18n/types.js';

const PHONE = '0485 – 845 900';
const variants: ErrorValues[] = (['user', 'client', 'all', undefined] as (LimitScope | undefined)[]).flatMap((limit) =>
  [undefined, 0, 1, 3].flatMap((attemptsLeft) =>
    [undefined, 60].map((retryAfterSeconds) => ({
      host: 'kiosk' as const,
      channel: 'sms',
      phone: PHONE,
      limit,
      attemptsLeft,
      retryAfterSeconds,
      mobileRegistration: 'in de app',
    })),
  ),
);
const all = (m: typeof nl, code: ErrorCode) =>
  variants.map((v) => m.errors[code](v)).map((t) => [t.title, ...t.lines, t.more?.text ?? ''].join(' '));

describe.each([
  ['nl', nl, /\bbel\b/i, /probeer het (dan )?opnieuw/i],
  ['en', en, /\bcall\b/i, /\btry again\b/i],
] as const)('%s', (_, m, call, retry) => {
  it.each(ERROR_CODES)('%s: a call names the number', (code) => {
    for (const text of all(m, code)) if (call.test(text)) expect(text.replaceAll('\u00a0', ' ')).toContain(PHONE);
  });

  it('no "try again" next to a block', () => {
    for (const text of all(m, 'blocked')) expect(text).not.toMatch(retry);
    const lastTry = m.errors.identity_failed({ host: 'web', channel: 'sms', phone: PHONE, attemptsLeft: 0 });
    expect([lastTry.title, ...lastTry.lines].join(' ')).not.toMatch(retry);
  });

  it('the identity refusal names both causes and says not to repeat a right date', () => {
    const t = m.errors.identity_failed({ host: 'web', channel: 'sms', phone: PHONE, attemptsLeft: 3 });
    expect(t.lines.join(' ')).toMatch(
      m.lang === 'nl' ? /typfout.*Of je mobiele nummer/ : /typo.*Or your mobile number/,
    );
    expect(t.lines.join(' ')).toMatch(
      m.lang === 'nl'
        ? /Klopt alles\? Probeer het dan niet opnieuw\./
        : /Is everything right\? Then do not try again\./,
    );
  });
});
