// Logon-screen setup: when the wizard ends or idles, log the Windows session of the kiosk account off, so the
// PC returns to the logon screen. execFile with an absolute path: no shell, no PATH lookup; the Windows directory
// comes from paths.ts (fixed in an installed kiosk, never %SystemRoot% from the kiosk user's environment).
import { execFile } from 'node:child_process';
import { win32 } from 'node:path';

export type LogoffCommand = { file: string; args: string[] };

/** Log off only in the logon-screen setup: the setting is on and this is the kiosk account (never in --dev). */
export function shouldLogoff(
  s: { logoffOnExit: boolean; kioskAccount: string },
  username: string,
  dev: boolean,
): boolean {
  return s.logoffOnExit && !dev && username.toLowerCase() === s.kioskAccount.toLowerCase();
}

/** `shutdown.exe /l` on Windows; elsewhere (Linux labs) there is no session to end: the app just quits. */
export function logoffCommand(platform: NodeJS.Platform, windowsDir: string): LogoffCommand | undefined {
  if (platform !== 'win32') return undefined;
  return { file: win32.join(windowsDir, 'System32', 'shutdown.exe'), args: ['/l'] };
}

type ExecFile = (
  file: string,
  args: string[],
  opts: { windowsHide: boolean; env: NodeJS.ProcessEnv },
  cb: (err: Error | null) => void,
) => unknown;

/** Resolves false when there is nothing to run or it failed (the caller then quits the app instead). */
export function runLogoff(platform: NodeJS.Platform, windowsDir: string, exec: ExecFile = execFile): Promise<boolean> {
  const cmd = logoffCommand(platform, windowsDir);
  if (!cmd) return Promise.resolve(false);
  // A minimal environment: the child never inherits secrets main holds in its own environment.
  const childEnv = { SystemRoot: windowsDir };
  return new Promise((resolve) =>
    exec(cmd.file, cmd.args, { windowsHide: true, env: childEnv }, (err) => resolve(!err)),
  );
}
