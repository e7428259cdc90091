// audit:search over every host's file: time-ordered across hosts, each line proven by its chain, a person found
// by account name and by the pseudonym of what was typed (with the shared key), a broken file named.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileAuditSink } from '../../../src-main/audit/file-sink.js';
import { expandAuditPath } from '../../../src-main/audit/files.js';
import { auditSearchCommand } from '../../../src-main/audit/search-command.js';
import { parseSince, searchAudit } from '../../../src-main/audit/search.js';
import type { AuditEvent } from '../../../src-main/core/ports/audit.js';
import { pseudonymiser } from '../../../src-main/core/pseudonym.js';

const KEY = 'shared-pseudonym-key-for-all-hosts';
const pseudo = pseudonymiser(KEY);
let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'rk-search-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Writes events to `audit-<host>.jsonl`, each at its own minute past 10:00 UTC on 2026-11-25. */
async function write(host: string, events: [minute: number, AuditEvent][]) {
  let at = 0;
  const sink = await FileAuditSink.open(join(dir, `audit-${host}.jsonl`), {
    host,
    now: () => new Date(Date.UTC(2026, 10, 25, 10, at)),
  });
  for (const [minute, e] of events) {
    at = minute;
    await sink.record(e);
  }
  await sink.close();
}

async function twoHosts() {
  await write('web-a', [
    [1, { step: 'start', outcome: 'ok', user: pseudo('a.janssen'), client: '10.0.0.4' }],
    [4, { step: 'identity', outcome: 'ok', user: 'A.Janssen', client: '10.0.0.4' }],
    [5, { step: 'start', outcome: 'ok', user: pseudo('m.bakker'), client: '10.0.0.9' }],
  ]);
  await write('web-b', [
    [2, { step: 'identity', outcome: 'wrong_birthdate', user: 'A.Janssen', client: '10.0.0.4' }],
    [3, { step: 'start', outcome: 'ok', user: pseudo('a.janssen'), client: '10.0.0.4' }],
    [6, { step: 'code_sent', outcome: 'ok', user: 'A.Janssen', client: '10.0.0.4' }],
  ]);
}

const run = async (argv: string[], env: NodeJS.ProcessEnv = { RESET_KIOSK_PSEUDONYM_KEY: KEY }) => {
  const out: string[] = [];
  const code = await auditSearchCommand(argv, (l) => out.push(l), env);
  return { code, out };
};

describe('audit:search', () => {
  it('finds {host} files, in one or more directory levels', async () => {
    mkdirSync(join(dir, 'web-a'));
    mkdirSync(join(dir, 'web-b'));
    writeFileSync(join(dir, 'web-a', 'audit.jsonl'), '');
    writeFileSync(join(dir, 'web-b', 'audit.jsonl'), '');
    writeFileSync(join(dir, 'web-b', 'other.jsonl'), '');
    expect(await expandAuditPath(join(dir, '{host}', 'audit.jsonl'))).toEqual([
      join(dir, 'web-a', 'audit.jsonl'),
      join(dir, 'web-b', 'audit.jsonl'),
    ]);
    expect(await expandAuditPath(join(dir, 'nothing-{host}.jsonl'))).toEqual([]);
  });

  it('merges both hosts in time order and finds the typed name under its pseudonym', async () => {
    await twoHosts();
    const { matches } = await searchAudit(await expandAuditPath(join(dir, 'audit-{host}.jsonl')), {
      users: ['a.janssen@pantein.nl'],
      pseudonymise: pseudo,
    });
    expect(matches.map((m) => [m.host, m.step, m.outcome])).toEqual([
      ['web-a', 'start', 'ok'],
      ['web-b', 'identity', 'wrong_birthdate'],
      ['web-b', 'start', 'ok'],
      ['web-a', 'identity', 'ok'],
      ['web-b', 'code_sent', 'ok'],
    ]);
    expect(matches[0]).toMatchObject({ user: pseudo('a.janssen'), typed: 'a.janssen' });
  });

  it('without the key only the account name matches, and the output says why', async () => {
    await twoHosts();
    const { code, out } = await run(
      ['--user', 'A.Janssen', join(dir, 'audit-web-a.jsonl'), join(dir, 'audit-web-b.jsonl')],
      {},
    );
    expect(code).toBe(0);
    expect(out.filter((l) => /A\.Janssen/.test(l) && /\[10\.0\.0\.4\]/.test(l))).toHaveLength(3);
    expect(out.join('\n')).toMatch(/3 matches in 2 files \(RESET_KIOSK_PSEUDONYM_KEY not set/);
  });

  it('--config reads every host of audit.file; --since filters; lines are readable', async () => {
    await twoHosts();
    const config = join(dir, 'config.json');
    writeFileSync(config, JSON.stringify({ audit: { file: join(dir, 'audit-{host}.jsonl') } }));
    const now = Date.UTC(2026, 10, 25, 10, 10);
    const { code, out } = await run([
      '--config',
      config,
      '--user',
      'A.Janssen',
      '--since',
      new Date(now - 7.5 * 60_000).toISOString(),
    ]);
    expect(code).toBe(0);
    expect(out.slice(0, 3).map((l) => l.replace(/^\S+ \S+\s+/, ''))).toEqual([
      expect.stringMatching(/^web-b #2 +start +ok +~[0-9a-f]{12} \(typed: a\.janssen\)  \[10\.0\.0\.4\]$/),
      expect.stringMatching(/^web-a #2 +birthdate +ok +A\.Janssen/),
      expect.stringMatching(/^web-b #3 +SMS code +ok +A\.Janssen/),
    ]);
    expect(out).toContain(`✓ ${join(dir, 'audit-web-a.jsonl')}: 3 records, chain intact`);
  });

  it('a broken chain: earlier lines are shown, the file is named, exit code 1', async () => {
    await twoHosts();
    const file = join(dir, 'audit-web-b.jsonl');
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[1] = lines[1]!.replace('10.0.0.4', '10.0.0.5');
    writeFileSync(file, lines.join('\n'));
    const { code, out } = await run(['--user', 'A.Janssen', file]);
    expect(code).toBe(1);
    expect(out[0]).toMatch(/wrong_birthdate/);
    expect(out.join('\n')).toMatch(/1 match in 1 file/);
    expect(out.at(-1)).toMatch(/✗ .*audit-web-b\.jsonl: line 2: hash does not match/);
  });

  it('refuses a bad --since and a config without audit file', async () => {
    expect((await run(['--since', 'yesterday', 'x.jsonl'])).code).toBe(2);
    const config = join(dir, 'c.json');
    writeFileSync(config, '{}');
    expect((await run(['--config', config])).out[0]).toMatch(/no audit\.file/);
  });

  it('parses relative and absolute times', () => {
    const now = Date.UTC(2026, 10, 25, 12);
    expect(parseSince('24h', now)?.toISOString()).toBe('2026-11-24T12:00:00.000Z');
    expect(parseSince('30m', now)?.toISOString()).toBe('2026-11-25T11:30:00.000Z');
    expect(parseSince('2026-11-25T08:00Z')?.toISOString()).toBe('2026-11-25T08:00:00.000Z');
    expect(parseSince('2026-11-25')?.getHours()).toBe(0);
    expect(parseSince('gisteren')).toBeUndefined();
  });
});
