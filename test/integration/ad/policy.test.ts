// The effective password policy on a real Samba AD DC: the domain's (domain NC head), and a user's resultant
// PSO (msDS-ResultantPSO) for members of a group a PSO is applied to — readable by the service account through
// the Read Property ACE provision.sh grants on the Password Settings Container, and not without it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdDirectory } from '../../../src-main/directory/ad/directory.js';
import { captureLog } from '../../helpers/log-capture.js';
import { webHost } from '../../helpers/web-host.js';
import { useDc } from './dc.js';
import { USERS, adConfig, addUser, createPso, svcEnv } from './fixtures.js';

const dc = await useDc();

describe.skipIf(!dc)('AD effective password policy (Samba AD DC)', () => {
  const d = dc!;
  let ad: AdDirectory;
  const log = captureLog();
  let pso: string;
  let member: string;

  beforeAll(async () => {
    member = await addUser(d, {
      cn: 'Lotte Meijer',
      sam: 'L.Meijer',
      attributes: { employeeID: '1986-04-17', mobile: '+31656789012' },
    });
    pso = await createPso(d, {
      name: 'Zorgdossier',
      precedence: 10,
      minLength: 12,
      historyLength: 10,
      members: ['L.Meijer'],
    });
    ad = await AdDirectory.create(adConfig(d), log, svcEnv(d));
  });
  afterAll(() => ad?.close());

  it("reads the domain's policy for a user without a PSO (minPwdLength, pwdHistoryLength, complexity, minPwdAge)", async () => {
    const user = (await ad.findUser('A.Janssen'))!;
    expect(await ad.passwordPolicy(user)).toEqual({
      minLength: 8,
      historyLength: 5,
      complexity: true,
      minAgeSeconds: 0,
      source: 'domain',
    });
  });

  it("reads the resultant PSO's settings for a member of the group it applies to", async () => {
    const user = (await ad.findUser('L.Meijer'))!;
    expect(user.id).toBe(member);
    expect(await ad.passwordPolicy(user)).toMatchObject({
      minLength: 12,
      historyLength: 10,
      complexity: true,
      source: `PSO ${pso}`,
    });
  });

  it('the DC itself refuses an 11-character password for the member (what the wizard now refuses first)', async () => {
    const user = (await ad.findUser('L.Meijer'))!;
    expect(await ad.resetPassword(user, 'Kort#Wacht1', { mustChangeAtNextLogon: false })).toEqual({
      ok: false,
      reason: 'policy',
    });
    expect(await ad.resetPassword(user, 'Lang#Wachtwoord1', { mustChangeAtNextLogon: false })).toEqual({ ok: true });
  });

  it('without Read on the PSO (a second service account, default rights) it uses the domain policy and logs why', async () => {
    const bindDn = await addUser(d, {
      cn: 'svc-noread',
      sam: 'svc-noread',
      parent: `CN=Users,${d.baseDn}`,
      password: 'Svc#NoRead-1',
    });
    const plain = await AdDirectory.create(adConfig(d, { bindDn }), log, { RESET_KIOSK_AD_PASSWORD: 'Svc#NoRead-1' });
    try {
      const user = (await plain.findUser('L.Meijer'))!;
      expect(await plain.passwordPolicy(user)).toMatchObject({
        minLength: 8,
        source: `domain (PSO ${pso} not readable)`,
      });
      expect(log.text()).toMatch(/may not read it/);
    } finally {
      await plain.close();
    }
  });

  it('through the web host: the first rule reads 12 for the member and 8 for others; 11 characters are refused before any modify', async () => {
    const host = await webHost({
      config: {
        directory: { type: 'ad', urls: [d.url], caFile: d.ca, bindDn: d.bindDn, baseDns: [d.kioskOu] },
        sms: { provider: { type: 'outbox', allowRealDirectory: true } }, // codes from a file: test lab only
      },
      log,
      overrides: { env: svcEnv(d) },
    });
    let modifies = 0;
    const reset = host.directory.resetPassword.bind(host.directory);
    host.directory.resetPassword = (...args) => (modifies++, reset(...args));
    const call = (method: string, body: object) => host.call(method, body);
    try {
      const member = await host.walkTo('password', {
        username: 'L.Meijer',
        birthdate: '17-04-1986',
        mobile: '+31656789012',
      });
      expect(member.answer).toMatchObject({
        ok: true,
        policy: { minLength: 12, history: 10, historyChecked: false, complexity: true },
      });
      const other = await host.walkTo('password', {
        username: 'A.Janssen',
        birthdate: '01-10-1984',
        mobile: USERS.anna.mobile,
      });
      expect(other.answer).toMatchObject({ ok: true, policy: { minLength: 8, history: 5, historyChecked: false } });

      const refused = await call('setPassword', {
        sessionId: member.sessionId,
        password: 'Kort#Wacht1',
        repeat: 'Kort#Wacht1',
      });
      expect(refused).toMatchObject({
        ok: false,
        code: 'password_policy',
        rules: expect.arrayContaining([{ id: 'length', ok: false }]) as unknown[],
      });
      expect(modifies).toBe(0); // refused here, not by the DC (which would answer password_rejected)
      expect(
        await call('setPassword', {
          sessionId: member.sessionId,
          password: 'Lang#Wachtwoord-73',
          repeat: 'Lang#Wachtwoord-73',
        }),
      ).toMatchObject({ ok: true });
      expect(modifies).toBe(1);
    } finally {
      await host.stop();
    }
  });
});
