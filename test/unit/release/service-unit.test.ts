// The shipped systemd unit and the Linux example configuration agree with each other and with
// docs/central-service.md, and the unit's hardening holds: `systemd-analyze security --offline=yes` (systemd's own
// scoring, systemd-analyze(1)) must rate it 1.5 or better. .ci/run installs systemd for this.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { isLoopback } from '../../../src-main/config/admin.js';
import { parseConfig } from '../../../src-main/config/load.js';

const UNIT = 'resources/systemd/wachtwoord-vergeten.service';
const unit = readFileSync(UNIT, 'utf8');
const settings = (key: string) => [...unit.matchAll(new RegExp(`^${key}=(.*)$`, 'gm'))].map((m) => m[1]!);
const CONFIG = '/etc/wachtwoord-vergeten/config.json';

it('runs serve with the documented config path, as its own user, secrets through LoadCredential', () => {
  expect(settings('ExecStart')).toEqual([`/usr/local/bin/wachtwoord-vergeten serve --config ${CONFIG}`]);
  expect(settings('DynamicUser')).toEqual(['yes']);
  expect(settings('LoadCredential')).toEqual(['secrets:/etc/wachtwoord-vergeten/credentials']);
  expect(settings('Environment')).toContain('RESET_KIOSK_AD_PASSWORD_FILE=%d/secrets_ad-password');
  expect(settings('UMask')).toEqual(['0077']);
  expect(settings('CapabilityBoundingSet')).toEqual(['']);
  expect(settings('MemoryDenyWriteExecute')).toEqual([]); // V8's JIT needs W+X pages
  const doc = readFileSync('docs/central-service.md', 'utf8');
  for (const text of [
    CONFIG,
    '/etc/wachtwoord-vergeten/credentials/',
    'LoadCredential=',
    '_FILE',
    'journalctl -u wachtwoord-vergeten',
    'LOG_LEVEL',
    '127.0.0.1:8081',
  ])
    expect(doc, text).toContain(text);
});

it("the Linux example config is valid, writes its audit trail in the unit's StateDirectory, keeps admin on loopback", () => {
  const config = parseConfig(
    JSON.parse(readFileSync('resources/config.linux.example.json', 'utf8')),
    'config.linux.example.json',
  );
  expect(settings('StateDirectory')).toEqual(['wachtwoord-vergeten']);
  expect(config.audit.file).toMatch(/^\/var\/lib\/wachtwoord-vergeten\//);
  expect(config.directory.type === 'ad' && config.directory.caFile).toMatch(/^\/etc\/wachtwoord-vergeten\//);
  expect(config.admin.enabled && isLoopback(config.admin.host)).toBe(true);
});

it('systemd-analyze security --offline=yes rates the unit 1.5 or better ("OK")', () => {
  const found = spawnSync('systemd-analyze', ['--version']);
  if (found.error) throw new Error('systemd-analyze is missing: apt-get install systemd (.ci/run does)');
  const r = spawnSync('systemd-analyze', ['security', '--offline=yes', '--threshold=15', '--no-pager', UNIT], {
    encoding: 'utf8',
  });
  const exposure = Number(/Overall exposure level for \S+: (\d+\.\d)/.exec(r.stdout)?.[1]);
  expect(exposure).toBeLessThanOrEqual(1.5);
  expect(
    r.status,
    r.stdout
      .split('\n')
      .filter((l) => l.includes('✗'))
      .join('\n'),
  ).toBe(0);
  // And the documented score is the real one.
  expect(readFileSync('docs/central-service.md', 'utf8')).toContain(`scores it **${exposure.toFixed(1)} "OK"**`);
  expect(readFileSync('README.md', 'utf8')).toContain(`exposure ${exposure.toFixed(1)}, "OK"`);
});
