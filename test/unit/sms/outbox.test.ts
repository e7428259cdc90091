// The demo SMS outbox: every text is one JSON line {to, body, at} appended to a private file (0600, folder made
// when missing) and printed; its default path comes from the env it is given.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultOutboxPath, OutboxSender } from '../../../src-main/sms/outbox.js';
import { readOutbox } from '../../helpers/sms.js';

const dir = mkdtempSync(join(tmpdir(), 'rk-outbox-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('OutboxSender', () => {
  it('appends one JSON line per text to a 0600 file in a folder it makes, and prints each line', async () => {
    const file = join(dir, 'new', 'folder', 'outbox.jsonl');
    const printed: string[] = [];
    const outbox = new OutboxSender(file, (line) => printed.push(line));
    expect(await outbox.send('+31612345678', 'Pantein: je code is 123456.')).toEqual({ ok: true });
    expect(await outbox.send('+31623456789', 'tweede')).toEqual({ ok: true });
    const texts = readOutbox(file);
    expect(texts).toEqual([
      { to: '+31612345678', body: 'Pantein: je code is 123456.', at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) },
      { to: '+31623456789', body: 'tweede', at: expect.any(String) },
    ]);
    expect(printed).toEqual(readFileSync(file, 'utf8').trim().split('\n'));
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});

describe('defaultOutboxPath', () => {
  it('is $RESET_KIOSK_OUTBOX of the env given, else a file in the temp dir', () => {
    expect(defaultOutboxPath({ RESET_KIOSK_OUTBOX: '/srv/outbox.jsonl' })).toBe('/srv/outbox.jsonl');
    expect(defaultOutboxPath({})).toBe(join(tmpdir(), 'reset-kiosk-outbox.jsonl'));
    expect(defaultOutboxPath({ RESET_KIOSK_OUTBOX: '' })).toBe(join(tmpdir(), 'reset-kiosk-outbox.jsonl'));
  });
});
