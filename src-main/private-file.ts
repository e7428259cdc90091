// Files the product writes (the audit trail, the coverage CSV), opened like the demo outbox (sms/outbox.ts):
// never through a symbolic link (O_NOFOLLOW), created 0600, and refused when the file found there is not a
// plain file of this user, has other hard links, or may be written by others (for `private` files: read
// either) — a file planted in a shared directory, left 0666 by someone else, or linked to another file. The
// checks are made on the opened handle (fstat), so nothing can be swapped in between; truncating, where
// asked, happens only after them. On Windows POSIX modes and owners do not apply (ACLs do): there only the
// plain-file and link checks are made.
import { constants, type Stats } from 'node:fs';
import { lstat, open, type FileHandle } from 'node:fs/promises';

const POSIX = process.platform !== 'win32';

export class UnsafeFileError extends Error {
  override name = 'UnsafeFileError';
}

/** `private`: others may neither read nor write it (0o077); otherwise others may not write it (0o022). */
export type FileRule = { private: boolean };

/** Why this file may not be written, or undefined when it may. */
export function unsafeFile(path: string, s: Stats, rule: FileRule): string | undefined {
  if (s.isSymbolicLink()) return `${path} is a symbolic link`;
  if (!s.isFile()) return `${path} is not a plain file`;
  if (s.nlink > 1) return `${path} has ${s.nlink} hard links (it may be another file)`;
  if (POSIX && s.uid !== process.getuid!()) return `${path} belongs to another user (uid ${s.uid})`;
  const others = rule.private ? 0o077 : 0o022;
  if (POSIX && (s.mode & others) !== 0)
    return `${path} can be ${rule.private ? 'read or written' : 'written'} by others (mode ${(s.mode & 0o777).toString(8)}): chmod 600 it or remove it`;
  return undefined;
}

/** lstat-based verdict for a path (doctor): undefined when absent or fine. */
export async function checkFile(path: string, rule: FileRule): Promise<string | undefined> {
  const s = await lstat(path).catch(() => undefined);
  return s && unsafeFile(path, s, rule);
}

/** Opens for appending (`append`) or for writing from the start (`truncate`), with every check above. */
export async function openPrivate(path: string, how: 'append' | 'truncate', rule: FileRule): Promise<FileHandle> {
  const flags =
    constants.O_WRONLY | constants.O_CREAT | (how === 'append' ? constants.O_APPEND : 0) | (constants.O_NOFOLLOW ?? 0);
  const fh = await open(path, flags, 0o600).catch((e: NodeJS.ErrnoException) => {
    throw new UnsafeFileError(e.code === 'ELOOP' ? `${path} is a symbolic link` : `cannot open ${path}: ${e.message}`);
  });
  try {
    const problem = unsafeFile(path, await fh.stat(), rule);
    if (problem) throw new UnsafeFileError(problem);
    if (how === 'truncate') await fh.truncate(0);
    return fh;
  } catch (e) {
    await fh.close();
    throw e;
  }
}
