// Logon-screen setup: when the wizard ends or idles, log the Windows session of the "Wachtwoord vergeten"
// account off, so the PC returns to the logon screen. execFile with an absolute path: no shell, no PATH lookup.
import { execFile } from 'node:child_process';
import { win32 } from 'node:path';

export type LogoffCommand = { file: string; args: string[] };

/** Log off only in the logon-screen setup: the setting is on and this is the kiosk account (never in --dev). */
export function shouldLogoff(s: { logoffOnExit: boolean; kioskAccount: string }, username: string, dev: boolean): boolean {
  return s.logoffOnExit && !dev && username.toLowerCase() === s.kioskAccount.toLowerCase();
}

/** `shutdown.exe /l` on Windows; elsewhere (Linux labs) there is no session to end: the app just quits. */
export function logoffCommand(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): LogoffCommand | undefined {
  if (platform !== 'win32') return undefined;
  const root = env.SystemRoot && /^[A-Za-z]:\\/.test(env.SystemRoot) ? env.SystemRoot : 'C:\\Windows';
  return { file: win32.join(root, 'System32', 'shutdown.exe'), args: ['/l'] };
}

type ExecFile = (file: string, args: string[], opts: { windowsHide: boolean; env: NodeJS.ProcessEnv }, cb: (err: Error | null) => void) => unknown;

/** Resolves false when there is nothing to run or it failed (the caller then quits the app instead). */
export function runLogoff(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, exec: ExecFile = execFile as unknown as ExecFile): Promise<boolean> {
  const cmd = logoffCommand(platform, env);
  if (!cmd) return Promise.resolve(false);
  // A minimal environment: the child never inherits secrets main holds in its own environment.
  const childEnv = { SystemRoot: env.SystemRoot ?? 'C:\\Windows' };
  return new Promise((resolve) => exec(cmd.file, cmd.args, { windowsHide: true, env: childEnv }, (err) => resolve(!err)));
}
