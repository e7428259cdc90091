// Issue 23: started by anyone but the kiosk account, the installed kiosk refuses quietly — a short message, the app
// quits, and that person's session is never logged off. The kiosk account is the one the installer recorded in
// HKLM\SOFTWARE\Wachtwoord vergeten\KioskAccount, read with reg.exe (output as Microsoft's "reg query" documents it).
import { describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../../../src-main/core/ports/log.js';
import {
  DEFAULT_KIOSK_ACCOUNT,
  NOT_THE_KIOSK,
  parseKioskAccount,
  passGate,
  PRODUCT_KEY,
  readRecordedKioskAccount,
  startGate,
  type GateFacts,
} from '../../../../src-main/electron/session/kiosk-account.js';

const installed: GateFacts = {
  platform: 'win32',
  isPackaged: true,
  dev: false,
  username: 'wwv-7f3k9q2m',
  recordedAccount: 'wwv-7f3k9q2m',
};
/** `reg query "HKLM\SOFTWARE\Wachtwoord vergeten" /v KioskAccount`, as reg.exe prints it (CRLF, 4-space columns). */
const REG_OUTPUT =
  '\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Wachtwoord vergeten\r\n    KioskAccount    REG_SZ    wwv-7f3k9q2m\r\n\r\n';

describe('who may run the installed kiosk', () => {
  it('the recorded kiosk account runs it (any case), and a failing start ends its session', () => {
    expect(startGate(installed)).toEqual({ run: true, logoffOnFailure: true });
    expect(startGate({ ...installed, username: 'WWV-7F3K9Q2M' })).toEqual({ run: true, logoffOnFailure: true });
  });

  it('anyone else — a nurse, a helpdesk user, an admin — is refused, and never logged off', () => {
    for (const username of ['a.janssen', 'Administrator', 'wwv-7f3k9q2', DEFAULT_KIOSK_ACCOUNT]) {
      const gate = startGate({ ...installed, username });
      expect(gate.run, username).toBe(false);
      expect(gate).not.toHaveProperty('logoffOnFailure');
    }
  });

  it('no record (not installed, or unreadable): nobody runs it, nobody is logged off', () => {
    expect(startGate({ ...installed, recordedAccount: undefined })).toMatchObject({
      run: false,
      why: expect.stringMatching(/no kiosk account is recorded/) as string,
    });
  });

  it('unpackaged (development, labs) and packaged Linux run for everyone; only unpackaged, as the default account, ends the session on failure', () => {
    expect(startGate({ ...installed, isPackaged: false, username: 'developer', recordedAccount: undefined })).toEqual({
      run: true,
      logoffOnFailure: false,
    });
    expect(
      startGate({ ...installed, isPackaged: false, username: 'wachtwoord vergeten', recordedAccount: undefined }),
    ).toEqual({ run: true, logoffOnFailure: true });
    expect(startGate({ ...installed, isPackaged: false, dev: true, username: DEFAULT_KIOSK_ACCOUNT })).toEqual({
      run: true,
      logoffOnFailure: false,
    });
    expect(startGate({ ...installed, platform: 'linux', username: 'kiosk', recordedAccount: undefined })).toEqual({
      run: true,
      logoffOnFailure: false,
    });
  });

  it('the message is short, Dutch first, and says where to go instead', () => {
    expect(NOT_THE_KIOSK.message).toBe('Wachtwoord vergeten start je vanaf het aanmeldscherm van Windows.');
    expect(NOT_THE_KIOSK.detail.indexOf('tegel')).toBeLessThan(NOT_THE_KIOSK.detail.indexOf('sign-in screen'));
  });
});

describe('the recorded account', () => {
  it("is read from reg.exe's output, and nothing that is not a Windows account name", () => {
    expect(parseKioskAccount(REG_OUTPUT)).toBe('wwv-7f3k9q2m');
    expect(parseKioskAccount(REG_OUTPUT.replace('wwv-7f3k9q2m', 'Wachtwoord vergeten'))).toBe('Wachtwoord vergeten');
    expect(parseKioskAccount(REG_OUTPUT.replace('REG_SZ', 'REG_DWORD'))).toBeUndefined();
    expect(parseKioskAccount(REG_OUTPUT.replace('KioskAccount', 'Ready'))).toBeUndefined();
    expect(parseKioskAccount(REG_OUTPUT.replace('wwv-7f3k9q2m', 'x'.repeat(21)))).toBeUndefined();
    expect(parseKioskAccount(REG_OUTPUT.replace('wwv-7f3k9q2m', 'a\\b'))).toBeUndefined();
    expect(
      parseKioskAccount('ERROR: The system was unable to find the specified registry key or value.\r\n'),
    ).toBeUndefined();
  });

  it('runs System32\\reg.exe by absolute path with a minimal environment; a failure is no record', async () => {
    const runs: unknown[][] = [];
    const ok = await readRecordedKioskAccount(
      'C:\\Windows',
      (file, args, opts, cb) => (runs.push([file, args, opts]), cb(null, REG_OUTPUT)),
    );
    expect(ok).toBe('wwv-7f3k9q2m');
    expect(runs).toEqual([
      [
        'C:\\Windows\\System32\\reg.exe',
        ['query', PRODUCT_KEY, '/v', 'KioskAccount'],
        { windowsHide: true, env: { SystemRoot: 'C:\\Windows' }, timeout: 10_000 },
      ],
    ]);
    expect(
      await readRecordedKioskAccount('C:\\Windows', (_f, _a, _o, cb) => cb(new Error('exit 1'), '')),
    ).toBeUndefined();
  });
});

describe('passGate (as main runs it)', () => {
  const { recordedAccount: _, ...facts } = installed;
  it('reads the record only for an installed Windows kiosk, and shows the message only to someone refused', async () => {
    const showMessage = vi.fn(() => Promise.resolve({}));
    const readRecorded = vi.fn(() => Promise.resolve('wwv-7f3k9q2m'));
    expect(await passGate({ facts, windowsDir: 'C:\\Windows', showMessage, log: silentLogger, readRecorded })).toEqual({
      run: true,
      logoffOnFailure: true,
    });
    expect(showMessage).not.toHaveBeenCalled();
    const warn = vi.fn();
    const refused = await passGate({
      facts: { ...facts, username: 'a.janssen' },
      windowsDir: 'C:\\Windows',
      showMessage,
      log: { ...silentLogger, warn },
      readRecorded,
    });
    expect(refused.run).toBe(false);
    expect(showMessage).toHaveBeenCalledExactlyOnceWith(
      expect.objectContaining({ type: 'info', message: NOT_THE_KIOSK.message }),
    );
    expect(JSON.stringify(warn.mock.calls)).not.toContain('a.janssen'); // the log says why, not who
    await passGate({
      facts: { ...facts, isPackaged: false },
      windowsDir: 'C:\\Windows',
      showMessage,
      log: silentLogger,
      readRecorded,
    });
    expect(readRecorded).toHaveBeenCalledTimes(2);
  });
});
