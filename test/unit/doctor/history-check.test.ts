// doctor's password-history line: "NOT enforced" only when the DC answered and did not list the policy-hints
// control; a root DSE that could not be read (no controls at all) is "not checked", not a false alarm.
import { expect, it } from 'vitest';
import { historyCheck } from '../../../src-main/doctor/ad-checks.js';

const SOME_CONTROLS = ['1.2.840.113556.1.4.319', '1.2.840.113556.1.4.473']; // paged results, server-side sort

it('enforced where the DC lists LDAP_SERVER_POLICY_HINTS', () => {
  expect(historyCheck([...SOME_CONTROLS, '1.2.840.113556.1.4.2239'])).toMatchObject({
    status: 'ok',
    detail: expect.stringMatching(/^enforced/) as unknown,
  });
});

it('NOT enforced where the DC answered without it (Samba, Windows before 2012 R2)', () => {
  expect(historyCheck(SOME_CONTROLS)).toMatchObject({
    status: 'warn',
    detail: expect.stringMatching(/^NOT enforced/) as unknown,
  });
});

it('not checked (no false alarm) where the root DSE listed nothing', () => {
  expect(historyCheck([])).toMatchObject({ status: 'warn', detail: expect.stringMatching(/^not checked/) as unknown });
});
