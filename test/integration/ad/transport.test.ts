// TLS, credentials, timeouts and failover against a real Samba AD DC: every way the DC can be unreachable or
// untrusted ends as DirectoryUnavailableError (lookup) or `unavailable` (reset), quickly, with nothing changed.
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src-main/config/load.js';
import { AdDirectory } from '../../../src-main/directory/ad/directory.js';
import { DirectoryUnavailableError } from '../../../src-main/core/ports/directory.js';
import { freezeDc, stopDc, useDc } from './dc.js';
import { USERS, adConfig, bindAs, svcEnv } from './fixtures.js';
import { captureLog } from '../../helpers/log-capture.js';

const dc = await useDc();
const keep = { mustChangeAtNextLogon: false };
const anna = { id: USERS.anna.dn, username: USERS.anna.sam };
const DEAD_URL = 'ldaps://127.0.0.1:1'; // nothing listens on port 1: connection refused

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T | Error }> {
  const t0 = performance.now();
  const result = await work().catch((e: Error) => e);
  return { ms: performance.now() - t0, result };
}

/** A lookup fails with DirectoryUnavailableError and a reset answers `unavailable`, each within `ms`. */
async function expectUnavailableWithin(ad: AdDirectory, ms: number, password: string): Promise<void> {
  const lookup = await timed(() => ad.findUser('a.janssen'));
  expect(lookup.result).toBeInstanceOf(DirectoryUnavailableError);
  expect(lookup.ms).toBeLessThan(ms);
  const reset = await timed(() => ad.resetPassword(anna, password, keep));
  expect(reset.result).toMatchObject({ ok: false, reason: 'unavailable' });
  expect(reset.ms).toBeLessThan(ms);
}

describe.skipIf(!dc)('AD transport (Samba AD DC)', () => {
  const d = dc!;

  it('verifies the DC certificate: a wrong CA, the default store or a wrong name is refused → unavailable', async () => {
    const cases = [
      { caFile: d.wrongCa },
      { caFile: undefined }, // Node's store does not know the test CA
      { servername: 'wrong.example' },
    ];
    for (const overrides of cases) {
      const log = captureLog();
      const ad = await AdDirectory.create(adConfig(d, overrides), log, svcEnv(d));
      expect(log.records().some((l) => l.level === 'error' && /start-up check failed/.test(l.msg ?? ''))).toBe(true);
      const lookup = await ad.findUser('a.janssen').catch((e: unknown) => e);
      expect(lookup, JSON.stringify(overrides)).toBeInstanceOf(DirectoryUnavailableError);
      expect(String((lookup as Error).message)).toMatch(/certificate|altnames|self[- ]signed|verify/i);
      expect(await ad.resetPassword(anna, 'Never#Applied-1', keep)).toMatchObject({ ok: false, reason: 'unavailable' });
    }
    expect(await bindAs(d, USERS.anna.dn, USERS.anna.password)).toBe('ok'); // nothing changed
  });

  it('accepts a configured servername that the certificate carries (IP URL, name "localhost")', async () => {
    const ad = await AdDirectory.create(adConfig(d, { servername: 'localhost' }), captureLog(), svcEnv(d));
    expect((await ad.findUser('a.janssen'))?.username).toBe('A.Janssen');
  });

  it('a wrong service password makes the directory unavailable, without failing over', async () => {
    const log = captureLog();
    const ad = await AdDirectory.create(adConfig(d, { urls: [d.url, d.url] }), log, {
      RESET_KIOSK_AD_PASSWORD: 'wrong',
    });
    await expect(ad.findUser('a.janssen')).rejects.toThrow(/LDAP 49/);
    expect(log.text()).not.toContain('DC did not answer');
  });

  it('reads the service password from <VAR>_FILE, and names the field when it is missing', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'rk-secret-')), 'ad-password');
    writeFileSync(file, `${d.bindPassword}\n`);
    const ad = await AdDirectory.create(adConfig(d, { bindPasswordEnv: 'KIOSK_AD_PW' }), captureLog(), {
      KIOSK_AD_PW_FILE: file,
    });
    expect((await ad.findUser('jdoe'))?.username).toBe('jdoe');
    await expect(AdDirectory.create(adConfig(d), captureLog(), {})).rejects.toThrow(ConfigError);
    await expect(AdDirectory.create(adConfig(d), captureLog(), {})).rejects.toThrow(
      /directory\.bindPasswordEnv.*RESET_KIOSK_AD_PASSWORD/,
    );
  });

  it('fails over to the next DC and then keeps using the one that answered', async () => {
    const log = captureLog();
    const ad = await AdDirectory.create(adConfig(d, { urls: [DEAD_URL, d.url] }), log, svcEnv(d));
    expect((await ad.findUser('a.janssen'))?.username).toBe('A.Janssen');
    expect((await ad.findUser('jdoe'))?.username).toBe('jdoe');
    expect(log.records().filter((l) => /did not answer/.test(l.msg ?? ''))).toHaveLength(1); // only at start-up
    expect(log.records().some((l) => /failed over/.test(l.msg ?? ''))).toBe(true);
  });

  it('a DC that accepts TCP but never answers times out quickly → unavailable (LDAPS and StartTLS)', async () => {
    const timeouts = { connectMs: 500, operationMs: 1000 };
    const ldaps = await AdDirectory.create(adConfig(d, { timeouts }), captureLog(), svcEnv(d));
    const startTls = await AdDirectory.create(
      adConfig(d, { timeouts, urls: [d.urlStartTls], startTls: true }),
      captureLog(),
      svcEnv(d),
    );
    freezeDc(d, true);
    try {
      for (const ad of [ldaps, startTls]) await expectUnavailableWithin(ad, 2000, 'Never#Applied-2');
    } finally {
      freezeDc(d, false);
    }
    expect(await bindAs(d, USERS.anna.dn, USERS.anna.password)).toBe('ok'); // nothing changed
  });

  it("DC down → unavailable at once (runs last: stops this file's DC)", async () => {
    const ad = await AdDirectory.create(adConfig(d), captureLog(), svcEnv(d));
    expect((await ad.findUser('a.janssen'))?.username).toBe('A.Janssen');
    const ca = join(mkdtempSync(join(tmpdir(), 'rk-ca-')), 'ca.pem');
    copyFileSync(d.ca, ca); // stopDc removes the DC's directory
    stopDc(d);
    await expectUnavailableWithin(ad, 1000, 'Never#Applied-3');
    // Start-up with the DC down logs and carries on (a kiosk may boot before the network).
    const log = captureLog();
    const late = await AdDirectory.create(adConfig(d, { caFile: ca }), log, svcEnv(d));
    expect(late.enforcesHistory).toBe(false);
    expect(log.records().some((l) => l.level === 'error')).toBe(true);
  });
});
