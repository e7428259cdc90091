// `doctor` on the demo config and against a real (Samba) AD DC: each ✓/!/✗ line where it belongs, a fix under
// each problem, exit code 1 on any ✗, and never a birthdate, a full mobile number or a password in the output.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { doctorCommand } from '../../../src-main/doctor/run.js';
import { useDc, type Dc } from '../ad/dc.js';
import { addUser, createPso, makeConfidential } from '../ad/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'rk-doctor-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function doctor(
  config: object | undefined,
  opts: { user?: string; probeUser?: string; env?: NodeJS.ProcessEnv } = {},
) {
  let configPath: string | undefined;
  if (config) {
    configPath = join(dir, `config-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(configPath, JSON.stringify(config));
  }
  const lines: string[] = [];
  const code = await doctorCommand(
    { configPath, user: opts.user, probeUser: opts.probeUser, env: opts.env ?? {} },
    (l) => lines.push(l),
  );
  const text = lines.join('\n');
  return {
    code,
    text,
    line: (title: string) => lines.find((l) => l.slice(2).startsWith(title)) ?? `(no line "${title}")`,
  };
}

describe('doctor on the demo', () => {
  it('passes with warnings (demo directory, no audit trail) and checks the test user', async () => {
    const r = await doctor(undefined, { user: 'A.Janssen' });
    expect(r.code).toBe(0);
    expect(r.line('directory')).toMatch(/^! /);
    expect(r.line('mobile')).toMatch(/^✓ .*•• •• •• 78/);
    expect(r.line('audit trail')).toMatch(/^! /);
    expect(r.text).not.toMatch(/12345678|01-10-1984/);
  });

  it('fails on a config error, naming the field', async () => {
    const r = await doctor({ server: { port: 'eighty' } });
    expect(r.code).toBe(1);
    expect(r.text).toMatch(/✗ config .*server\.port/);
  });

  it('fails when a real config has no audit trail', async () => {
    const r = await doctor({ audit: {}, store: { type: 'memory' } });
    expect(r.code).toBe(0); // still the demo directory: only a warning
    const real = await doctor(
      {
        directory: { type: 'ad', urls: ['ldaps://127.0.0.1:1'], baseDns: ['DC=x'], bindDn: 'CN=x' },
        sms: { provider: { type: 'outbox', allowRealDirectory: true } },
      },
      { env: { RESET_KIOSK_AD_PASSWORD: 'x' } },
    );
    expect(real.line('audit trail')).toMatch(/^✗ .*\n\s+→ set audit\.file/);
  });
});

describe('doctor against a Samba AD DC', async () => {
  const dc: Dc | undefined = await useDc();
  const env = () => ({ RESET_KIOSK_AD_PASSWORD: dc!.bindPassword });
  const adConfig = (over: object = {}) => ({
    directory: { type: 'ad', urls: [dc!.url], caFile: dc!.ca, baseDns: [dc!.kioskOu], bindDn: dc!.bindDn, ...over },
    audit: { file: join(dir, 'audit-{host}.jsonl') },
    sms: { provider: { type: 'outbox', allowRealDirectory: true } }, // test lab: doctor still warns about it
  });
  beforeAll(async () => {
    if (dc)
      await addUser(dc, {
        cn: 'Odd Date',
        sam: 'odd.date',
        attributes: { employeeID: '01.10.84', mobile: '0485 845900' },
      });
  });

  it.skipIf(!dc)(
    "proves TLS, bind, the test user's birthdate and mobile; warns that Samba cannot enforce history",
    async () => {
      const r = await doctor(adConfig(), { user: 'A.Janssen', env: env() });
      expect(r.line(`AD TLS ${dc!.url}`)).toMatch(/^[✓!] .*certificate trusted/);
      expect(r.line('AD bind')).toMatch(/^✓ /);
      expect(r.line('AD password history')).toMatch(/^! .*NOT enforced/);
      expect(r.line('AD test user A.Janssen')).toMatch(/^✓ /);
      expect(r.line('AD birthdate')).toMatch(/^✓ /);
      expect(r.line('AD mobile')).toMatch(/^✓ .*•• •• •• 78/);
      expect(r.line('SMS (outbox)')).toMatch(/^! /);
      // The one ✗: the test DC keeps the birthdate in employeeID, which every account can read (issue 27, below).
      expect(r.text.split('\n').filter((l) => l.startsWith('✗'))).toEqual([
        expect.stringMatching(/^✗ AD birthdate confidential \(employeeID\)/),
      ]);
      expect(r.text).not.toMatch(/1984|12345678|Svc#Kiosk/);
    },
  );

  it.skipIf(!dc)(
    "prints the domain's password policy, whether PSOs can be read, and the policy of the test user",
    async () => {
      const before = await doctor(adConfig(), { env: env() });
      expect(before.line('AD password policy (domain DC=kiosk,DC=test)')).toMatch(
        /^✓ .*minimum 8 characters, history 5, complexity on, minimum age 0 days \(does not apply to a reset\)/,
      );
      expect(before.line('AD fine-grained password policies (PSO)')).toMatch(/^✓ .*none found/);
      await addUser(dc!, {
        cn: 'Lotte Meijer',
        sam: 'L.Meijer',
        attributes: { employeeID: '1986-04-17', mobile: '+31656789012' },
      });
      await createPso(dc!, { name: 'Zorgdossier', precedence: 10, minLength: 12, members: ['L.Meijer'] });
      const after = await doctor({ ...adConfig(), password: { minLength: 10 } }, { user: 'L.Meijer', env: env() });
      expect(after.line('AD password policy (domain')).toMatch(
        /minimum 8 characters; the wizard asks 10 \(password\.minLength\)/,
      );
      expect(after.line('AD fine-grained password policies (PSO)')).toMatch(
        /^✓ .*: 1 readable: Zorgdossier \(minimum 12, precedence 10\)/,
      );
      expect(after.line('AD password policy for L.Meijer')).toMatch(
        /^✓ .*: PSO CN=Zorgdossier,.*: minimum 12 characters, history 5, complexity on/,
      );
      expect(after.text.split('\n').filter((l) => l.startsWith('✗'))).toEqual([
        expect.stringMatching(/^✗ AD birthdate confidential \(employeeID\)/),
      ]);

      // An account with default rights sees the PSO but not its settings: a warning that names the right to grant.
      const bindDn = await addUser(dc!, {
        cn: 'svc-noread',
        sam: 'svc-noread',
        parent: `CN=Users,${dc!.baseDn}`,
        password: 'Svc#NoRead-1',
      });
      const plain = await doctor(adConfig({ bindDn }), {
        user: 'L.Meijer',
        env: { RESET_KIOSK_AD_PASSWORD: 'Svc#NoRead-1' },
      });
      expect(plain.line('AD fine-grained password policies (PSO)')).toMatch(
        /^! .*1 of 1 not readable.*\n\s+→ grant the service account Read Property on PSOs.*RP;;msDS-PasswordSettings/,
      );
      expect(plain.line('AD password policy for L.Meijer')).toMatch(/^! .*not readable.*: minimum 8 characters/);
    },
  );

  it.skipIf(!dc)("names what is wrong with a user's data, without printing it", async () => {
    const none = await doctor(adConfig(), { user: 'asmith', env: env() });
    expect(none.line('AD mobile')).toMatch(/^✗ .*empty, or not readable/);
    const odd = await doctor(adConfig(), { user: 'odd.date', env: env() });
    expect(odd.line('AD birthdate')).toMatch(/^✗ .*"99\.99\.99"/);
    expect(odd.line('AD mobile')).toMatch(/^✗ .*not mobile/);
    expect(odd.text).not.toMatch(/01\.10\.84|845900/);
    expect(odd.code).toBe(1);
    expect((await doctor(adConfig(), { user: 'nobody.here', env: env() })).line('AD test user')).toMatch(
      /^✗ .*not found/,
    );
  });

  // Issue 27: a birthdate only the service may read. Samba 4.x honours the confidential flag (checked here: the
  // ordinary account reads employeeID, and after searchFlags |= 0x80 it no longer reads extensionAttribute1,
  // while the service account with CONTROL_ACCESS still does).
  it.skipIf(!dc)('says ✗ with the fix when colleagues can read the birthdate, ✓ once it is confidential', async () => {
    await addUser(dc!, {
      cn: 'Piet Collega',
      sam: 'p.collega',
      parent: `CN=Users,${dc!.baseDn}`,
      password: 'Collega#Gewoon-7',
    });
    const probeEnv = { ...env(), RESET_KIOSK_PROBE_PASSWORD: 'Collega#Gewoon-7' };
    const open = await doctor(adConfig(), { user: 'A.Janssen', probeUser: 'p.collega@kiosk.test', env: probeEnv });
    expect(open.line('AD birthdate confidential (employeeID)')).toMatch(
      /^✗ .*every authenticated user can read.*\n\s+→ employeeID is a base schema attribute.*CONTROL_ACCESS/,
    );
    expect(open.line('AD birthdate hidden from p.collega@kiosk.test')).toMatch(
      /^✗ .*an ordinary account reads employeeID/,
    );
    expect(open.code).toBe(1);
    expect(open.text).not.toMatch(/1984|Collega#Gewoon/);

    await makeConfidential(dc!, 'extensionAttribute1', 'svc-kiosk', dc!.kioskOu);
    const hidden = await doctor(adConfig({ attributes: { birthdate: 'extensionAttribute1' } }), {
      user: 'A.Janssen',
      probeUser: 'p.collega@kiosk.test',
      env: probeEnv,
    });
    expect(hidden.line('AD birthdate confidential (extensionAttribute1)')).toMatch(
      /^✓ .*searchFlags 128: confidential/,
    );
    expect(hidden.line('AD birthdate hidden from p.collega@kiosk.test')).toMatch(
      /^✓ .*cannot read extensionAttribute1/,
    );
    expect(hidden.line('AD birthdate (extensionAttribute1)')).toMatch(/^✓ .*readable, a valid date/); // the service account still reads it
    const noPassword = await doctor(adConfig(), { user: 'A.Janssen', probeUser: 'p.collega@kiosk.test', env: env() });
    expect(noPassword.line('AD birthdate hidden from')).toMatch(/^✗ .*not checked: no password/);
  });

  it.skipIf(!dc)('tells an untrusted certificate, a wrong password and an admin account apart', async () => {
    const startTls = await doctor(adConfig({ urls: [dc!.urlStartTls], startTls: true }), { env: env() });
    expect(startTls.line('AD TLS')).toMatch(/^✓ .*StartTLS accepted/);
    expect(startTls.line('AD bind')).toMatch(/^✓ /);
    const wrongCa = await doctor(adConfig({ caFile: dc!.wrongCa }), { env: env() });
    expect(wrongCa.line('AD TLS')).toMatch(/^✗ .*\n\s+→ the certificate is not trusted: set directory\.caFile/);
    const wrongPw = await doctor(adConfig(), { env: { RESET_KIOSK_AD_PASSWORD: 'Not#The-Password1' } });
    expect(wrongPw.line('AD bind')).toMatch(/^✗ .*data 52e.*\n\s+→ AD refused the service account: wrong password/);
    expect(wrongPw.text).not.toContain('Not#The-Password1');
    const admin = await doctor(adConfig({ bindDn: dc!.adminDn }), {
      env: { RESET_KIOSK_AD_PASSWORD: dc!.adminPassword },
    });
    expect(admin.line('AD least privilege')).toMatch(/^✗ .*adminCount=1/);
    expect(admin.code).toBe(1);
  });
});
