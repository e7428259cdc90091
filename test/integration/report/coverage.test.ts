// `report coverage` on a real (Samba) AD DC with a mix of users under OU=Kiosk: counts per criterion, paged
// searches (page size 2) with the same result, the --max bound, and the CSV for HR with what is missing per
// username — never a birthdate or a phone number.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportCommand } from '../../../src-main/report/command.js';
import { useDc } from '../ad/dc.js';
import { adConfig, addUser, setAttribute } from '../ad/fixtures.js';
import { forEachAdAccount } from '../../../src-main/directory/ad/accounts.js';

const dc = await useDc();
const dir = mkdtempSync(join(tmpdir(), 'rk-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!dc)('report coverage on Samba', () => {
  const d = dc!;
  let config: string;
  const env = () => ({ RESET_KIOSK_AD_PASSWORD: d.bindPassword });
  const run = async (...argv: string[]) => {
    const out: string[] = [];
    const code = await reportCommand(['coverage', '--config', config, ...argv], (l) => out.push(l), env());
    return { code, text: out.join('\n') };
  };

  beforeAll(async () => {
    // Beside the provisioned A.Janssen, jdoe, bvdberg (ready) and asmith (no mobile):
    const ok = { employeeID: '1980-01-01', mobile: '06-12345670' };
    await addUser(d, { cn: 'Cor Uit', sam: 'c.uit', attributes: ok, disabled: true });
    await addUser(d, { cn: 'Vera Vast', sam: 'v.vast', attributes: { ...ok, mobile: '0485 845900' } }); // a landline
    await addUser(d, { cn: 'Geen Datum', sam: 'g.datum', attributes: { mobile: '06-12345671' } });
    await addUser(d, {
      cn: 'Rare Datum',
      sam: 'r.datum',
      attributes: { employeeID: 'onbekend', mobile: '06-12345672' },
    });
    await addUser(d, { cn: 'Dirk Duits', sam: 'd.duits', attributes: { ...ok, mobile: '+49 151 23456789' } }); // DE mobile, NL only
    await addUser(d, {
      cn: 'Kim Kort',
      sam: 'k.kort',
      attributes: { employeeID: '19800101', mobile: '+31 (0)6 12345673' },
    }); // ready
    const adm = await addUser(d, { cn: 'Ad Min', sam: 'a.min', attributes: ok });
    await setAttribute(d, adm, 'adminCount', '1');
    config = join(dir, 'config.json');
    writeFileSync(
      config,
      JSON.stringify({
        directory: { type: 'ad', urls: [d.url], caFile: d.ca, bindDn: d.bindDn, baseDns: [d.kioskOu] },
        sms: { provider: { type: 'outbox', allowRealDirectory: true } },
      }),
    );
  });

  it('counts accounts, enabled, usable mobile, parsable birthdate and who can use it', async () => {
    const { code, text } = await run();
    expect(code).toBe(0);
    expect(text).toMatch(/accounts: +11$/m);
    expect(text).toMatch(/enabled: +10 \(91%\)$/m);
    expect(text).toMatch(
      /usable mobile: +8 \(73%\) +\(not usable: (?=.*missing 1)(?=.*not mobile 1)(?=.*country not allowed 1).*\)$/m,
    );
    expect(text).toMatch(/parsable birthdate: +9 \(82%\)$/m);
    expect(text).toMatch(/protected \(adminCount\): 1/);
    expect(text).toMatch(/able to use the reset: 4 \(36%\)$/m); // A.Janssen, jdoe, bvdberg, k.kort
  });

  it('pages through small pages to the same counts, and stops at --max', async () => {
    expect((await run('--page-size', '2')).text).toMatch(/able to use the reset: 4 \(36%\)$/m);
    const { pages } = await forEachAdAccount(adConfig(d), env(), { pageSize: 2, max: 1000 }, () => {});
    expect(pages).toBeGreaterThanOrEqual(6); // 11 accounts, 2 per page: really paged (Samba ends with an empty page)
    const cut = await run('--page-size', '2', '--max', '4');
    expect(cut.text).toMatch(/accounts: +4$/m);
    expect(cut.text).toMatch(/stopped after 4 accounts/);
  });

  it('writes the CSV for HR: who and what is missing, never the values, mode 0600', async () => {
    const csv = join(dir, 'missing.csv');
    expect((await run('--csv', csv)).text).toMatch(/7 accounts that cannot use it/);
    const rows = readFileSync(csv, 'utf8').trim().split('\r\n');
    expect(rows[0]).toBe('username,missing');
    expect(rows).toEqual(
      expect.arrayContaining([
        '"asmith","mobile_missing"',
        '"c.uit","disabled"',
        '"v.vast","mobile_not_mobile"',
        '"g.datum","birthdate"',
        '"r.datum","birthdate"',
        '"d.duits","mobile_country_not_allowed"',
        '"a.min","protected"',
      ]),
    );
    expect(readFileSync(csv, 'utf8')).not.toMatch(/1980|0485|\+49|12345|onbekend/);
    expect(statSync(csv).mode & 0o777).toBe(0o600);
  });
});
