// The readiness report on the demo directory (what `npm run report -- coverage` shows without AD), and a CSV that
// a spreadsheet cannot mistake for formulas.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { Coverage } from '../../../src-main/report/coverage.js';
import { reportCommand } from '../../../src-main/report/command.js';
import { mobileNormaliser } from '../../../src-main/sms/phone.js';

it('counts the demo people: 4 of 7 can use it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rk-report-'));
  const out: string[] = [];
  expect(await reportCommand(['coverage', '--csv', join(dir, 'x.csv')], (l) => out.push(l), {})).toBe(0);
  const text = out.join('\n');
  expect(text).toMatch(/accounts: +7$/m);
  expect(text).toMatch(/enabled: +6 \(86%\)$/m);
  expect(text).toMatch(/able to use the reset: 4 \(57%\)$/m);
  expect(readFileSync(join(dir, 'x.csv'), 'utf8')).toBe(
    'username,missing\r\n"P.deVries","mobile_missing"\r\n"K.Visser","disabled"\r\n"J.Smit","mobile_not_mobile"\r\n',
  );
  rmSync(dir, { recursive: true, force: true });
});

it('neutralises cells a spreadsheet would run as formulas', () => {
  const c = new Coverage(mobileNormaliser({ defaultCountry: 'NL', allowedCountries: ['NL'] }));
  for (const username of ['=cmd|calc', '+1', '-2', '@SUM(A1)', 'say "hi"'])
    c.add({
      id: username,
      accountKey: username,
      username,
      givenName: '',
      surname: '',
      displayName: '',
      birthdate: undefined,
      mobile: undefined,
      disabled: false,
      protected: false,
    });
  expect(
    c
      .csv()
      .split('\r\n')
      .slice(1, 6)
      .map((r) => r.split(',')[0]),
  ).toEqual(['"\'=cmd|calc"', '"\'+1"', '"\'-2"', '"\'@SUM(A1)"', '"say ""hi"""']);
});

it('refuses a wrong call with the usage', async () => {
  const out: string[] = [];
  expect(await reportCommand(['everything'], (l) => out.push(l), {})).toBe(2);
  expect(out[0]).toMatch(/^usage: report coverage/);
});
