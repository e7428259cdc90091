// The demo SMS outbox: every text is one JSON line {to, body, at} appended and printed. It holds live codes: a
// private file (0600) in a private directory (0700) by default; a file others can read, another user's file or
// a symlink is refused, at start-up and at every send. Its default path comes from the env it is given.
import {
  chmodSync,
  chownSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultOutboxPath, OutboxError, OutboxSender } from '../../../src-main/sms/outbox.js';
import { readOutbox } from '../../helpers/sms.js';

const dirs: string[] = [];
const scratch = () => {
  const d = mkdtempSync(join(tmpdir(), 'rk-outbox-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const quiet = () => {};
const mode = (p: string) => statSync(p).mode & 0o777;

describe.skipIf(process.platform === 'win32')('demo SMS outbox (POSIX modes)', () => {
  it('creates its file 0600 in a folder it makes (0700), appends one JSON line per text and prints each line', async () => {
    const file = join(scratch(), 'new', 'folder', 'outbox.jsonl');
    const printed: string[] = [];
    const outbox = await OutboxSender.open(file, (line) => printed.push(line));
    expect(await outbox.send('+31612345678', 'Pantein: je code is 123456.')).toEqual({ ok: true });
    expect(await outbox.send('+31623456789', 'tweede')).toEqual({ ok: true });
    expect(readOutbox(file)).toEqual([
      {
        to: '+31612345678',
        body: 'Pantein: je code is 123456.',
        at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as string,
      },
      { to: '+31623456789', body: 'tweede', at: expect.any(String) as string },
    ]);
    expect(printed).toEqual(readFileSync(file, 'utf8').trim().split('\n'));
    expect(mode(file)).toBe(0o600);
    expect(mode(join(file, '..'))).toBe(0o700);
  });

  it('by default lives in a private directory of its own in the temp dir', () => {
    expect(defaultOutboxPath({})).toBe(join(tmpdir(), `reset-kiosk-${process.getuid!()}`, 'outbox.jsonl'));
    expect(defaultOutboxPath({ RESET_KIOSK_OUTBOX: '/srv/outbox.jsonl' })).toBe('/srv/outbox.jsonl');
    expect(defaultOutboxPath({ RESET_KIOSK_OUTBOX: '' })).toBe(defaultOutboxPath({}));
  });

  it('refuses an existing file others can read (a 0644 file left behind), and says how to fix it', async () => {
    const file = join(scratch(), 'outbox.jsonl');
    writeFileSync(file, '', { mode: 0o644 });
    chmodSync(file, 0o644);
    await expect(OutboxSender.open(file, quiet)).rejects.toThrow(
      /can be read or written by others \(mode 644\): chmod 600/,
    );
  });

  it('refuses a symlink, wherever it points', async () => {
    const d = scratch();
    writeFileSync(join(d, 'target'), '', { mode: 0o600 });
    symlinkSync(join(d, 'target'), join(d, 'outbox.jsonl'));
    await expect(OutboxSender.open(join(d, 'outbox.jsonl'), quiet)).rejects.toThrow(OutboxError);
    await expect(OutboxSender.open(join(d, 'outbox.jsonl'), quiet)).rejects.toThrow(/symbolic link/);
  });

  it('refuses to send once the file was opened up to others after start', async () => {
    const file = join(scratch(), 'outbox.jsonl');
    const outbox = await OutboxSender.open(file, quiet);
    await outbox.send('+31612345678', 'code 111111');
    writeFileSync(file, '');
    chmodSync(file, 0o640);
    await expect(outbox.send('+31612345678', 'code 123456')).rejects.toThrow(/mode 640/);
    expect(readFileSync(file, 'utf8')).toBe('');
  });

  it('refuses its default directory when others may enter it', async () => {
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = scratch();
    try {
      mkdirSync(join(tmpdir(), `reset-kiosk-${process.getuid!()}`), { mode: 0o755 });
      chmodSync(join(tmpdir(), `reset-kiosk-${process.getuid!()}`), 0o755);
      await expect(OutboxSender.open(defaultOutboxPath({}), quiet)).rejects.toThrow(/mode 755\): chmod 700/);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
  });

  it.skipIf(process.getuid!() !== 0)(
    'refuses a file that belongs to another user (as root: chown to nobody)',
    async () => {
      const file = join(scratch(), 'outbox.jsonl');
      writeFileSync(file, '', { mode: 0o600 });
      chownSync(file, 65534, 65534);
      await expect(OutboxSender.open(file, quiet)).rejects.toThrow(/belongs to another user \(uid 65534\)/);
    },
  );

  it('accepts the null device as a sink that keeps nothing', async () => {
    await expect((await OutboxSender.open('/dev/null', quiet)).send('+31612345678', 'code 123456')).resolves.toEqual({
      ok: true,
    });
  });

  it('refuses a directory, not a file', async () => {
    const d = scratch();
    mkdirSync(join(d, 'outbox.jsonl'));
    await expect(OutboxSender.open(join(d, 'outbox.jsonl'), quiet)).rejects.toThrow();
  });
});
