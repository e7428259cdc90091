// Who may run the installed kiosk: only the kiosk account, whose name the installer records in
// HKLM\SOFTWARE\Wachtwoord vergeten\KioskAccount (resources/windows/account.ps1; the logon tile reads the same
// value). Anyone else who starts the app — a nurse or a helpdesk user double-clicking it — gets a short message and
// the app quits: their session is never logged off and nothing else is read. Decided before the settings, which
// only the kiosk account (and admins) can read.
import { execFile } from 'node:child_process';
import { win32 } from 'node:path';
import type { Logger } from '../../core/ports/log.js';

export const PRODUCT_KEY = 'HKLM\\SOFTWARE\\Wachtwoord vergeten';
/** The account name logoff.ts knew before installs recorded one (an unpackaged kiosk on a lab PC). */
export const DEFAULT_KIOSK_ACCOUNT = 'Wachtwoord vergeten';

export type StartGate =
  /** Run; `logoffOnFailure`: a start that fails before the settings are trusted logs this session off. */
  | { run: true; logoffOnFailure: boolean }
  /** Quit with the message; never a logoff. */
  | { run: false; why: string };

export type GateFacts = {
  platform: NodeJS.Platform;
  isPackaged: boolean;
  dev: boolean;
  username: string;
  recordedAccount: string | undefined;
};

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase(); // Windows account names ignore case

export function startGate(f: GateFacts): StartGate {
  if (f.isPackaged && f.platform === 'win32') {
    if (!f.recordedAccount)
      return { run: false, why: 'no kiosk account is recorded (not installed, or the record cannot be read)' };
    if (!same(f.username, f.recordedAccount))
      return { run: false, why: 'started by an account that is not the kiosk account' };
    return { run: true, logoffOnFailure: true }; // Shell Launcher would restart a failing shell forever
  }
  // Unpackaged (development, labs) or a packaged Linux kiosk, which has no session to log off (logoff.ts).
  return { run: true, logoffOnFailure: !f.isPackaged && !f.dev && same(f.username, DEFAULT_KIOSK_ACCOUNT) };
}

/** What the person who started it reads, Dutch first (the wizard's je-form), in a plain message box. */
export const NOT_THE_KIOSK = {
  title: 'Wachtwoord vergeten',
  message: 'Wachtwoord vergeten start je vanaf het aanmeldscherm van Windows.',
  detail:
    'Kies daar de tegel Wachtwoord vergeten. Dit venster sluit nu.\n\nForgot password starts from the Windows sign-in screen: choose its tile there. This window closes now.',
} as const;

/**
 * The KioskAccount value from `reg.exe query` output: a line `    KioskAccount    REG_SZ    <name>` under the key
 * (the layout of Microsoft's "reg query" command reference). Anything else is no record.
 */
export function parseKioskAccount(output: string): string | undefined {
  const m = /^\s+KioskAccount\s+REG_SZ\s+(\S.*?)\s*$/m.exec(output);
  return m && /^[^"/\\[\]:;|=,+*?<>@]{1,20}$/.test(m[1]!) ? m[1] : undefined;
}

type ExecFile = (
  file: string,
  args: string[],
  opts: { windowsHide: boolean; env: NodeJS.ProcessEnv; timeout: number },
  cb: (err: Error | null, stdout: string) => void,
) => unknown;

/** Reads the recorded kiosk account with System32\reg.exe (absolute path, no shell, a minimal environment). */
export function readRecordedKioskAccount(windowsDir: string, exec: ExecFile = execFile): Promise<string | undefined> {
  const reg = win32.join(windowsDir, 'System32', 'reg.exe');
  return new Promise((resolve) =>
    exec(
      reg,
      ['query', PRODUCT_KEY, '/v', 'KioskAccount'],
      { windowsHide: true, env: { SystemRoot: windowsDir }, timeout: 10_000 },
      (err, stdout) => resolve(err ? undefined : parseKioskAccount(String(stdout))),
    ),
  );
}

export type GateDeps = {
  facts: Omit<GateFacts, 'recordedAccount'>;
  windowsDir: string;
  /** dialog.showMessageBox in main. */
  showMessage: (box: typeof NOT_THE_KIOSK & { type: 'info'; buttons: string[]; noLink: boolean }) => Promise<unknown>;
  log: Logger;
  readRecorded?: (windowsDir: string) => Promise<string | undefined>;
};

/** The gate as main runs it: read the record (installed on Windows only), decide, and tell a refused person why. */
export async function passGate(d: GateDeps): Promise<StartGate> {
  const read = d.readRecorded ?? readRecordedKioskAccount;
  const recordedAccount = d.facts.isPackaged && d.facts.platform === 'win32' ? await read(d.windowsDir) : undefined;
  const gate = startGate({ ...d.facts, recordedAccount });
  if (!gate.run) {
    d.log.warn({ why: gate.why }, 'not started: this is not the kiosk account');
    await d.showMessage({ type: 'info', buttons: ['OK'], noLink: true, ...NOT_THE_KIOSK });
  }
  return gate;
}
