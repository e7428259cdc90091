// Demo SMS sender: appends every message as one JSON line {to, body, at} to a file and prints it,
// so anyone can walk through the whole reset without an SMS account.
// The file holds live codes, so only its owner may read it. By default it lives in a directory of its own in
// the temp dir (0700, ours); whatever the path, the file is opened without following a symlink, created 0600,
// and refused when it is not a plain file of ours or when others may read or write it (a 0644 file another run
// left behind, one planted in a shared directory). On Windows the temp dir is private to the user by its ACL
// and POSIX modes do not apply; there only the plain-file check is made.
import { constants, existsSync, mkdirSync, lstatSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import { devNull, tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import type { SendOutcome, SmsSender } from '../core/ports/sms.js';

const POSIX = process.platform !== 'win32';
const uid = POSIX ? process.getuid!() : -1;

/** `$RESET_KIOSK_OUTBOX`, else `<tmp>/reset-kiosk-<uid>/outbox.jsonl` in a private directory. */
export const defaultOutboxPath = (env: NodeJS.ProcessEnv = process.env): string =>
  env.RESET_KIOSK_OUTBOX || join(tmpdir(), `reset-kiosk-${POSIX ? uid : userInfo().username}`, 'outbox.jsonl');

export class OutboxError extends Error {}

/** Why a path may not hold codes, or undefined when it may. The null device keeps nothing: a safe sink. */
function unsafe(path: string, s: Stats, kind: 'file' | 'directory'): string | undefined {
  if (kind === 'file' && path === devNull) return undefined;
  if (s.isSymbolicLink()) return `${path} is a symbolic link`;
  if (kind === 'file' ? !s.isFile() : !s.isDirectory()) return `${path} is not a plain ${kind}`;
  if (POSIX && s.uid !== uid) return `${path} belongs to another user (uid ${s.uid})`;
  if (POSIX && (s.mode & 0o077) !== 0)
    return `${path} can be read or written by others (mode ${(s.mode & 0o777).toString(8)}): chmod ${kind === 'file' ? 600 : 700} it or remove it`;
  return undefined;
}

export class OutboxSender implements SmsSender {
  private constructor(
    readonly file: string,
    private readonly print: (line: string) => void,
  ) {}

  /** Checks the outbox at start-up (created 0600 at the first text); throws OutboxError naming the problem. */
  static open(
    file: string,
    print: (line: string) => void = (line) => process.stdout.write(`[demo sms] ${line}\n`),
  ): Promise<OutboxSender> {
    // Synchronous checks, answered as a promise: a problem is a rejection, as callers expect.
    return new Promise((resolve) => {
      const dir = dirname(file);
      const own = file === defaultOutboxPath({});
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      // Our own default directory must be private; a directory the admin named is theirs to choose.
      const problem = own ? unsafe(dir, lstatSync(dir), 'directory') : undefined;
      if (problem) throw new OutboxError(`demo SMS outbox: ${problem}`);
      const found = existsSync(file) || lstatExists(file) ? unsafe(file, lstatSync(file), 'file') : undefined;
      if (found) throw new OutboxError(`demo SMS outbox: ${found}`);
      resolve(new OutboxSender(file, print));
    });
  }

  async send(to: string, body: string): Promise<SendOutcome> {
    const line = JSON.stringify({ to, body, at: new Date().toISOString() });
    const fh = await this.handle();
    try {
      await fh.appendFile(`${line}\n`);
    } finally {
      await fh.close();
    }
    this.print(line);
    return { ok: true };
  }

  /** The file opened for appending: never through a symlink, created 0600, refused when not private. */
  private async handle() {
    const fh = await open(
      this.file,
      constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | (constants.O_NOFOLLOW ?? 0),
      0o600,
    ).catch((e: NodeJS.ErrnoException) => {
      throw new OutboxError(
        e.code === 'ELOOP'
          ? `demo SMS outbox: ${this.file} is a symbolic link`
          : `demo SMS outbox: cannot open ${this.file}: ${e.message}`,
      );
    });
    const problem = unsafe(this.file, await fh.stat(), 'file');
    if (problem) {
      await fh.close();
      throw new OutboxError(`demo SMS outbox: ${problem}`);
    }
    return fh;
  }
}

/** True for a dangling symlink too (existsSync follows links and says false). */
function lstatExists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
