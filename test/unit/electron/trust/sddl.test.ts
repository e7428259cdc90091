// SDDL as icacls /save writes it: the DACL of real and derived dumps, every encoding icacls may use, and a
// parse error (never a guess) for anything unknown, so the caller refuses the file.
import { describe, expect, it } from 'vitest';
import { extractSddl, parseDacl, SddlError } from '../../../../src-main/electron/trust/sddl.js';
import { DERIVED, KIOSK_SID, RECORDED, utf16 } from '../../../helpers/icacls-dumps.js';

const dacl = (dump: string) => parseDacl(extractSddl(utf16(dump)));

describe('SDDL: the DACL of an icacls dump', () => {
  it('C:\\ProgramData as Windows ships it: letters and hex rights, inheritance flags, aliases as SIDs', () => {
    expect(dacl(RECORDED.programData)).toEqual({
      nullDacl: false,
      aces: [
        { type: 'A', flags: ['OI', 'CI'], mask: 0x1f01ff, sid: 'S-1-5-18' },
        { type: 'A', flags: ['OI', 'CI'], mask: 0x1f01ff, sid: 'S-1-5-32-544' },
        { type: 'A', flags: ['OI', 'CI', 'IO'], mask: 0x10000000, sid: 'S-1-3-0' },
        { type: 'A', flags: ['OI', 'CI'], mask: 0x1200a9, sid: 'S-1-5-32-545' },
        { type: 'A', flags: ['CI'], mask: 0x116, sid: 'S-1-5-32-545' }, // DCLCRPCR: write data, append, write EA, write attributes
      ],
    });
  });

  it('C:\\ (empty name line), a data drive, a SACL after the DACL, a full SID', () => {
    expect(dacl(RECORDED.driveC).aces.map((a) => a.mask.toString(16))).toEqual([
      '1f01ff',
      '1f01ff',
      '1200a9',
      'e0010000',
      '4',
    ]);
    expect(dacl(RECORDED.dataDriveRoot).aces[4]).toEqual({ type: 'A', flags: [], mask: 0x1301bf, sid: 'S-1-5-11' }); // Modify
    expect(dacl(RECORDED.programFilesApp).aces).toHaveLength(3);
    expect(dacl(DERIVED.installedFile).aces[2]).toEqual({ type: 'A', flags: ['ID'], mask: 0x1200a9, sid: KIOSK_SID });
  });

  it('reads UTF-16 LE with or without BOM and UTF-8; skips a name line that starts with a drive', () => {
    const text = 'D:\\data\\kiosk.json\r\nD:PAI(A;;FA;;;SY)\r\n';
    for (const raw of [
      utf16(text),
      Buffer.concat([Buffer.from([0xff, 0xfe]), utf16(text)]),
      Buffer.from(text),
      Buffer.from(`\ufeff${text}`),
    ]) {
      expect(extractSddl(raw)).toBe('D:PAI(A;;FA;;;SY)');
    }
    expect(() => extractSddl(utf16('kiosk.json\r\n'))).toThrow(SddlError);
  });

  it('owner and group before the DACL; no DACL at all means everyone may do everything', () => {
    expect(parseDacl('O:BAG:SYD:PAI(A;;FA;;;SY)').aces).toHaveLength(1);
    expect(parseDacl(`O:${KIOSK_SID}G:S-1-5-21-1-2-3-513D:(A;;FA;;;WD)`).aces[0]!.sid).toBe('S-1-1-0');
    expect(parseDacl('O:WDD:(A;;FR;;;WD)').aces[0]!.mask).toBe(0x120089); // owner alias ending in D
    expect(parseDacl('D:NO_ACCESS_CONTROL')).toEqual({ nullDacl: true, aces: [] });
    expect(parseDacl('D:P')).toEqual({ nullDacl: false, aces: [] }); // empty: nobody but the owner
  });

  it('conditional ACEs keep their expression (parentheses and ";" inside quotes)', () => {
    expect(parseDacl('D:(XA;;FR;;;WD;(@User.Title=="P(M);x"))(A;;FA;;;SY)').aces.map((a) => a.type)).toEqual([
      'XA',
      'A',
    ]);
  });

  it('refuses what it does not know instead of guessing', () => {
    for (const bad of [
      '',
      'garbage',
      'O:BA',
      'D:((((',
      'D:)A;;FA;;;WD(',
      'D:(A;;ZZ;;;WD)',
      'D:(Q;;FA;;;WD)',
      'D:(A;;FA;;;QQ)',
      'D:(A;XX;FA;;;WD)',
      'D:(A;;FA;WD)',
      'D:(A;;FA;;;SY)D:(A;;FA;;;WD)',
    ]) {
      expect(() => parseDacl(bad), bad).toThrow(SddlError);
    }
  });
});
