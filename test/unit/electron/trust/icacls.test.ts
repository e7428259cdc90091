// icacls is run by absolute path, without a shell or main's environment, and its UTF-16 dump is read back and
// removed; a failing icacls or an unreadable dump is an error (the caller refuses the file).
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AclReadError, readDacl } from '../../../../src-main/electron/trust/icacls.js';
import { RECORDED, utf16 } from '../../../helpers/icacls-dumps.js';

const scratch = mkdtempSync(join(tmpdir(), 'rk-icacls-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

type Call = { file: string; args: string[]; opts: unknown };
function fakeIcacls(write: Buffer | undefined, fail?: Error & { code?: unknown }) {
  const calls: Call[] = [];
  const exec = (file: string, args: string[], opts: unknown, cb: (e: (Error & { code?: unknown }) | null) => void) => {
    calls.push({ file, args, opts });
    if (write) writeFileSync(args[2]!, write);
    cb(fail ?? null);
  };
  return { calls, exec };
}
const options = (exec: ReturnType<typeof fakeIcacls>['exec']) => ({
  icacls: 'C:\\Windows\\System32\\icacls.exe',
  windowsDir: 'C:\\Windows',
  scratch,
  exec,
});

describe('icacls /save', () => {
  it('runs icacls.exe by absolute path with a minimal environment and parses its UTF-16 dump', async () => {
    const f = fakeIcacls(utf16(RECORDED.programData));
    const dacl = await readDacl('C:\\ProgramData', options(f.exec));
    expect(dacl.aces).toHaveLength(5);
    expect(f.calls[0]!.file).toBe('C:\\Windows\\System32\\icacls.exe');
    expect(f.calls[0]!.args).toEqual(['C:\\ProgramData', '/save', expect.stringMatching(/dacl\.txt$/), '/Q']);
    expect(f.calls[0]!.opts).toEqual({ windowsHide: true, env: { SystemRoot: 'C:\\Windows' }, timeout: 15_000 });
    expect(existsSync(f.calls[0]!.args[2]!)).toBe(false);
    expect(readdirSync(scratch)).toEqual([]);
  });

  it('fails on an icacls error, a missing dump, or one it cannot parse', async () => {
    const denied = Object.assign(new Error('Command failed'), { code: 5 });
    await expect(readDacl('C:\\x', options(fakeIcacls(undefined, denied).exec))).rejects.toThrow(
      /icacls could not read the ACL of C:\\x \(5\)/,
    );
    await expect(readDacl('C:\\x', options(fakeIcacls(undefined).exec))).rejects.toThrow(/wrote no ACL/);
    await expect(readDacl('C:\\x', options(fakeIcacls(utf16('x\r\nD:(A;;ZZ;;;WD)\r\n')).exec))).rejects.toThrow(
      AclReadError,
    );
    expect(readdirSync(scratch)).toEqual([]);
  });
});
