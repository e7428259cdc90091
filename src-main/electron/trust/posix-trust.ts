// Who besides root may change a settings file on Linux (labs) or macOS, from stat(): the file and every folder
// above it must be owned by root — or, unpackaged only (development, tests), by the user running the kiosk — and
// not writable by group or others. A world-writable folder with the sticky bit (/tmp) is fine above the file:
// others may add names there but not replace ours (OpenSSH's secure_filename() and sudo's checks do the same,
// less the sticky exception, which only unpackaged runs from a temp folder need).

export type PosixStat = { uid: number; mode: number; isDirectory: boolean };

const STICKY = 0o1000;
const GROUP_OR_OTHER_WRITE = 0o022;

const octal = (mode: number) => `0${(mode & 0o7777).toString(8)}`;

/** The reasons `st` may be changed by someone other than `trustedUids` (root first); [] when none. */
export function modeProblems(st: PosixStat, trustedUids: readonly number[]): string[] {
  const out: string[] = [];
  if (!trustedUids.includes(st.uid)) {
    const who = trustedUids.length > 1 ? `root or uid ${trustedUids.slice(1).join(', ')}` : 'root';
    out.push(`owned by uid ${st.uid} (only ${who} may own it)`);
  }
  const writable = st.mode & GROUP_OR_OTHER_WRITE;
  if (writable && !(st.isDirectory && st.mode & STICKY)) {
    const by = [st.mode & 0o020 ? 'group' : '', st.mode & 0o002 ? 'others' : ''].filter(Boolean).join(' and ');
    out.push(`writable by ${by} (mode ${octal(st.mode)})`);
  }
  return out;
}
