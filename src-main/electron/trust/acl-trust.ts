// Who besides the administrators may change a settings file on Windows, from its DACL (sddl.ts). An allow list,
// not a list of bad groups: only SYSTEM, Administrators and TrustedInstaller may hold a right that changes the
// file, so Users, Authenticated Users, Everyone, INTERACTIVE, CREATOR OWNER, OWNER RIGHTS, the kiosk account's own
// SID and any group it may be in are all refused without knowing that account's SID. Deny entries are ignored
// (they can only take rights away, and a refusal on an allow entry is the safe side); inherit-only (IO) entries
// do not apply to the object itself. The masks are install.ps1's: the installer verifies the same rights.
import type { Ace, Dacl } from './sddl.js';

export type AclRole =
  /** the settings/config/CA file itself: nobody else may change, delete or re-permission it */
  | 'file'
  /** the folder holding it: nobody else may add, delete or replace files in it */
  | 'folder'
  /** a folder further up: nobody else may delete, rename or re-permission what lies below */
  | 'ancestor';

export const TRUSTED_SIDS: Record<string, string> = {
  'S-1-5-18': 'SYSTEM',
  'S-1-5-32-544': 'Administrators',
  'S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464': 'TrustedInstaller',
};

const NAMES: Record<string, string> = {
  'S-1-1-0': 'Everyone',
  'S-1-5-11': 'Authenticated Users',
  'S-1-5-32-545': 'Users',
  'S-1-5-4': 'INTERACTIVE',
  'S-1-3-0': 'CREATOR OWNER',
  'S-1-3-4': 'OWNER RIGHTS',
  'S-1-5-32-546': 'Guests',
  'S-1-5-7': 'ANONYMOUS LOGON',
  'S-1-5-2': 'NETWORK',
  'S-1-5-32-547': 'Power Users',
  'S-1-5-32-555': 'Remote Desktop Users',
};

/** FILE_* and standard rights (winnt.h) that change what a file holds or who may change it. */
const BITS: [number, string][] = [
  [0x2, 'write data / add files'],
  [0x4, 'append data / add folders'],
  [0x10, 'write extended attributes'],
  [0x40, 'delete what is inside'],
  [0x100, 'write attributes'],
  [0x10000, 'delete'],
  [0x40000, 'change permissions'],
  [0x80000, 'take ownership'],
  [0x2000000, 'maximum allowed'],
  [0x10000000, 'full control (generic all)'],
  [0x40000000, 'generic write'],
];

/** install.ps1's $WriteMask (0x000D0156) plus the generic rights; further up only what replaces a subtree. */
export const ROLE_MASKS: Record<AclRole, number> = {
  file: 0x000d0156 | 0x2000000 | 0x10000000 | 0x40000000,
  folder: 0x000d0156 | 0x2000000 | 0x10000000 | 0x40000000,
  ancestor: 0x40 | 0x10000 | 0x40000 | 0x80000 | 0x2000000 | 0x10000000,
};

const GRANTS = new Set(['A', 'XA', 'OA', 'ZA']); // allow, conditional allow, object allow, callback object allow

export type AclProblem = { sid: string; who: string; rights: string[] };

export const sidName = (sid: string): string =>
  TRUSTED_SIDS[sid] ?? NAMES[sid] ?? (sid.startsWith('S-1-5-21-') ? `account or group ${sid}` : sid);

/** Rights in `mask` that matter for `role`, in words. */
export function rightsIn(mask: number, role: AclRole): string[] {
  const m = mask & ROLE_MASKS[role];
  return BITS.filter(([bit]) => (m & bit) !== 0).map(([, word]) => word);
}

const applies = (a: Ace) => !a.flags.includes('IO');

/** Everyone but the trusted three who may change this object in the way `role` cares about; [] when none. */
export function aclProblems(dacl: Dacl, role: AclRole): AclProblem[] {
  if (dacl.nullDacl)
    return [{ sid: 'S-1-1-0', who: 'Everyone (the object has no DACL at all)', rights: ['full control'] }];
  const out = new Map<string, AclProblem>();
  for (const ace of dacl.aces) {
    if (!GRANTS.has(ace.type) || !applies(ace) || TRUSTED_SIDS[ace.sid]) continue;
    const rights = rightsIn(ace.mask, role);
    if (!rights.length) continue;
    const seen = out.get(ace.sid) ?? { sid: ace.sid, who: sidName(ace.sid), rights: [] };
    for (const r of rights) if (!seen.rights.includes(r)) seen.rights.push(r);
    out.set(ace.sid, seen);
  }
  return [...out.values()];
}
