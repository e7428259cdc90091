// Files the product writes are opened like the demo outbox (private-file.ts, issue 27): the coverage CSV and the
// audit file refuse a planted symlink, a file of another user, a file others may write (the CSV: or read) and a
// hard link, and are created 0600; `doctor` says ✗ for the same audit files. Run as root (the CI container) the
// "other user" is nobody (65534), made with chown; as another user that case is skipped.
import {
  chmodSync,
  chownSync,
  linkSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileAuditSink } from '../../../src-main/audit/file-sink.js';
import { parseConfig } from '../../../src-main/config/load.js';
import { checkAudit } from '../../../src-main/doctor/other-checks.js';
import { reportCommand } from '../../../src-main/report/command.js';
import { usageCommand } from '../../../src-main/report/usage-command.js';

const ROOT = process.getuid?.() === 0;
let dir: string;
beforeAll(() => void (dir = mkdtempSync(join(tmpdir(), 'rk-files-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A victim file with content, and the planted things that point at it or stand in its place. */
function plant(name: string): Record<'symlink' | 'foreign' | 'shared' | 'readable' | 'hardlink', string> {
  const victim = join(dir, `${name}-victim`);
  writeFileSync(victim, 'precious\n', { mode: 0o600 });
  const p = (k: string) => join(dir, `${name}-${k}`);
  symlinkSync(victim, p('symlink'));
  writeFileSync(p('foreign'), '', { mode: 0o600 });
  if (ROOT) chownSync(p('foreign'), 65534, 65534);
  writeFileSync(p('shared'), '');
  chmodSync(p('shared'), 0o666);
  writeFileSync(p('readable'), '');
  chmodSync(p('readable'), 0o644);
  linkSync(victim, p('hardlink'));
  return {
    symlink: p('symlink'),
    foreign: p('foreign'),
    shared: p('shared'),
    readable: p('readable'),
    hardlink: p('hardlink'),
  };
}
const csv = async (file: string) => {
  const out: string[] = [];
  return { code: await reportCommand(['coverage', '--csv', file], (l) => out.push(l), {}), text: out.join('\n') };
};

describe('report coverage --csv', () => {
  it('refuses a symlink, another user’s file, a shared or readable file and a hard link, and leaves them as they were', async () => {
    const p = plant('csv');
    type Kind = keyof ReturnType<typeof plant>;
    const cases: [Kind, RegExp][] = [
      ['symlink', /is a symbolic link/],
      ['shared', /can be read or written by others \(mode 666\)/],
      ['readable', /can be read or written by others \(mode 644\)/],
      ['hardlink', /2 hard links/],
      ...(ROOT ? [['foreign', /belongs to another user \(uid 65534\)/] as [Kind, RegExp]] : []),
    ];
    for (const [k, why] of cases) {
      const r = await csv(p[k]);
      expect([k, r.code]).toEqual([k, 1]);
      expect(r.text).toMatch(why);
    }
    expect(readFileSync(join(dir, 'csv-victim'), 'utf8')).toBe('precious\n');
  });

  it('creates a new file 0600 and overwrites its own private file', async () => {
    const file = join(dir, 'fresh.csv');
    expect((await csv(file)).code).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    writeFileSync(file, 'x'.repeat(10_000));
    expect((await csv(file)).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/^username,missing\r\n/);
  });
});

describe('report usage --csv', () => {
  it('refuses a planted symlink and a shared file the same way', async () => {
    const p = plant('usage');
    const config = join(dir, 'usage-config.json');
    writeFileSync(config, JSON.stringify({ audit: { file: join(dir, 'usage-audit-{host}.jsonl'), host: 'web1' } }));
    for (const k of ['symlink', 'shared'] as const) {
      const out: string[] = [];
      expect(await usageCommand(['--config', config, '--since', '30d', '--csv', p[k]], (l) => out.push(l))).toBe(1);
      expect(out.join('\n')).toMatch(/not written: .*(symbolic link|by others)/);
    }
    expect(readFileSync(join(dir, 'usage-victim'), 'utf8')).toBe('precious\n');
  });
});

describe('audit file and doctor', () => {
  const doctor = (file: string) => checkAudit(parseConfig({ audit: { file } }), false);

  it('refuses a symlink, another user’s file, a file others may write and a hard link; doctor says ✗ for each', async () => {
    const p = plant('audit');
    const kinds: (keyof ReturnType<typeof plant>)[] = [
      'symlink',
      'shared',
      'hardlink',
      ...(ROOT ? (['foreign'] as const) : []),
    ];
    for (const k of kinds) {
      await expect(FileAuditSink.open(p[k], { host: 'web-a' })).rejects.toThrow(
        /audit file: .*(symbolic link|by others|hard links|another user)/,
      );
      const verdict = await doctor(p[k]);
      expect([k, verdict.status]).toEqual([k, 'fail']);
      expect(verdict.detail).toMatch(/symbolic link|by others|hard links|another user/);
    }
    expect(readFileSync(join(dir, 'audit-victim'), 'utf8')).toBe('precious\n');
  });

  it('creates a new trail 0600; a group-readable one of its own is fine (a log shipper may read it)', async () => {
    const file = join(dir, 'audit-new.jsonl');
    const sink = await FileAuditSink.open(file, { host: 'web-a' });
    await sink.record({ step: 'start', outcome: 'ok', client: 'k' });
    await sink.close();
    expect(statSync(file).mode & 0o777).toBe(0o600);
    chmodSync(file, 0o640);
    expect((await doctor(file)).status).toBe('ok');
    await (await FileAuditSink.open(file, { host: 'web-a' })).close();
  });
});
