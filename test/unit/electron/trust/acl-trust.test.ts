// Who besides SYSTEM, Administrators and TrustedInstaller may change a settings file, its folder or a folder
// above it, on the dumps of test/helpers/icacls-dumps.ts and on one entry per well-known group.
import { describe, expect, it } from 'vitest';
import { aclProblems, rightsIn, sidName } from '../../../../src-main/electron/trust/acl-trust.js';
import { extractSddl, parseDacl } from '../../../../src-main/electron/trust/sddl.js';
import { ADMIN_USER_SID, DERIVED, KIOSK_SID, RECORDED, utf16 } from '../../../helpers/icacls-dumps.js';

const dacl = (dump: string) => parseDacl(extractSddl(utf16(dump)));
const who = (sddl: string, role: 'file' | 'folder' | 'ancestor') =>
  aclProblems(parseDacl(sddl), role).map((p) => p.who);

describe('Windows ACL trust', () => {
  it('passes what install.ps1 makes: the folder and its files, under C:\\ProgramData and C:\\', () => {
    expect(aclProblems(dacl(DERIVED.installedFile), 'file')).toEqual([]);
    expect(aclProblems(dacl(DERIVED.installedFolder), 'folder')).toEqual([]);
    expect(aclProblems(dacl(RECORDED.programData), 'ancestor')).toEqual([]); // Users may add here, not replace ours
    expect(aclProblems(dacl(RECORDED.driveC), 'ancestor')).toEqual([]);
    expect(aclProblems(dacl(RECORDED.programFilesApp), 'folder')).toEqual([]);
  });

  it('refuses a folder the kiosk account created before the install, and the kiosk.json it planted', () => {
    expect(aclProblems(dacl(DERIVED.plantedFolder), 'folder')).toEqual([
      {
        sid: KIOSK_SID,
        who: `account or group ${KIOSK_SID}`,
        rights: [
          'write data / add files',
          'append data / add folders',
          'write extended attributes',
          'delete what is inside',
          'write attributes',
          'delete',
          'change permissions',
          'take ownership',
        ],
      },
      {
        sid: 'S-1-5-32-545',
        who: 'Users',
        rights: [
          'write data / add files',
          'append data / add folders',
          'write extended attributes',
          'write attributes',
        ],
      },
    ]);
    expect(aclProblems(dacl(DERIVED.plantedFile), 'file').map((p) => p.sid)).toEqual([KIOSK_SID]);
  });

  it('refuses a settings folder that still inherits ProgramData (Users may add files) and a file an admin owns by name', () => {
    expect(aclProblems(dacl(RECORDED.programData), 'folder').map((p) => p.who)).toEqual(['Users']);
    expect(aclProblems(dacl(DERIVED.inheritsProgramData), 'file').map((p) => p.sid)).toEqual([ADMIN_USER_SID]);
  });

  it('a data drive root lets Authenticated Users delete and rename what is below it', () => {
    const [p] = aclProblems(dacl(RECORDED.dataDriveRoot), 'ancestor');
    expect(p).toMatchObject({ who: 'Authenticated Users' });
    expect(p!.rights).toContain('delete');
  });

  it('refuses every write right of every group the kiosk account may be in, and of the account itself', () => {
    for (const sid of ['WD', 'AU', 'BU', 'IU', 'OW', 'CO', 'BG', 'NU', KIOSK_SID, 'S-1-5-21-1-2-3-513', 'DU', 'LA']) {
      for (const right of ['FA', 'FW', 'GA', 'GW', 'WD', 'WO', 'SD', 'DC', 'LC', '0x2', '0x1301bf']) {
        expect(who(`D:(A;;${right};;;${sid})`, 'file'), `${right} ${sid}`).toHaveLength(1);
      }
    }
  });

  it('never the trusted three; not read or execute; not deny entries; not inherit-only entries', () => {
    const trusted =
      'D:(A;;FA;;;SY)(A;;FA;;;BA)(A;;FA;;;S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464)';
    expect(who(trusted, 'file')).toEqual([]);
    expect(who('D:(A;;FR;;;WD)(A;;FX;;;BU)(A;;0x1200a9;;;AU)', 'file')).toEqual([]);
    expect(who('D:(D;;FA;;;WD)(XD;;FA;;;BU;(x))', 'file')).toEqual([]);
    expect(who('D:(A;OICIIO;GA;;;CO)(A;CIIO;FA;;;BU)', 'folder')).toEqual([]);
    // a deny does not rescue an allow: refused on the allow (the safe side)
    expect(who('D:(D;;FW;;;BU)(A;;FW;;;BU)', 'file')).toEqual(['Users']);
  });

  it('conditional and object allows count; a null DACL is everyone; names read well', () => {
    expect(who('D:(XA;;FA;;;WD;(@User.x=="y"))', 'file')).toEqual(['Everyone']);
    expect(who('D:NO_ACCESS_CONTROL', 'file')).toEqual(['Everyone (the object has no DACL at all)']);
    expect(rightsIn(0x1301bf, 'ancestor')).toEqual(['delete']);
    expect(rightsIn(0x1200a9, 'file')).toEqual([]);
    expect(sidName('S-1-5-4')).toBe('INTERACTIVE');
    expect(sidName('S-1-5-32-544')).toBe('Administrators');
  });
});
