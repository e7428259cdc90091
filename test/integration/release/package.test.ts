// The release as an admin installs it: `npm pack` of the build, `npm install -g --omit=dev` into an empty prefix,
// and every command run from / as an unprivileged user (`nobody`, through setpriv, when the tests run as root as
// in CI) that can write none of the installed files — with no TypeScript, Vite or other build tool present.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../helpers/free-port.js';

const root = resolve(import.meta.dirname, '../../..');
const asRoot = process.getuid?.() === 0;
const NOBODY = 65534;
const TOKEN = 'a1'.repeat(32);
let work: string;
let prefix: string;
let packed: string[];
let installLog: string;

beforeAll(() => {
  if (!existsSync(join(root, 'dist/server/bin.js')) || !existsSync(join(root, 'dist/renderer/index.html')))
    throw new Error('no build: run `npm run build` first');
  work = mkdtempSync(join(tmpdir(), 'rk-release-'));
  chmodSync(work, 0o755);
  const [pack] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }),
  ) as { filename: string; files: { path: string }[] }[];
  packed = pack!.files.map((f) => f.path);
  prefix = join(work, 'prefix');
  mkdirSync(prefix, { mode: 0o755 });
  const install = spawnSync(
    'npm',
    [
      'install',
      '-g',
      '--prefix',
      prefix,
      '--omit=dev',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      join(work, pack!.filename),
    ],
    { cwd: work, encoding: 'utf8', env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } },
  );
  installLog = install.stdout + install.stderr;
  if (install.status !== 0) throw new Error(`npm install -g failed:\n${installLog}`);
  // A directory the service may write (its StateDirectory), with a config that turns the admin listener on.
  const state = join(work, 'state');
  mkdirSync(state, { mode: 0o700 });
  if (asRoot) chownSync(state, NOBODY, NOBODY);
}, 240_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

const env = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  PATH: `${join(prefix, 'bin')}:${dirname(process.execPath)}:/usr/bin:/bin`,
  HOME: '/nonexistent',
  LANG: 'C.UTF-8',
  ...extra,
});
/** The installed command, from /, as nobody (as root) or as this user (otherwise). */
const command = (args: string[]) =>
  (asRoot
    ? ['setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', '--', 'wachtwoord-vergeten', ...args]]
    : ['wachtwoord-vergeten', args]) as [string, string[]];
const run = (args: string[], extra?: NodeJS.ProcessEnv) => {
  const r = spawnSync(...command(args), { cwd: '/', encoding: 'utf8', env: env(extra), timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('the npm pack tarball', () => {
  it('holds the built server, the wizard, the resources, the unit and the licence; no sources, tests or bench', () => {
    for (const f of [
      'package.json',
      'LICENSE',
      'CHANGELOG.md',
      'README.md',
      'dist/server/bin.js',
      'dist/main/cli.js',
      'dist/renderer/index.html',
      'dist/desk/desk.html',
      'resources/demo-directory.json',
      'resources/demo-agents.json',
      'resources/common-passwords.txt',
      'resources/config.example.json',
      'resources/config.linux.example.json',
      'resources/systemd/wachtwoord-vergeten.service',
      'docs/central-service.md',
    ])
      expect(packed).toContain(f);
    expect(packed.filter((f) => /^(src-|test\/|bench\/|dist\/bench\/)|\.map$/.test(f))).toEqual([]);
  });

  it('installs with production dependencies only, no build tool, and without an EBADENGINE warning', () => {
    const modules = join(prefix, 'lib/node_modules/reset-kiosk/node_modules');
    for (const tool of ['typescript', 'vite', 'vitest', 'svelte', 'electron', 'esbuild', 'rolldown'])
      expect(existsSync(join(modules, tool)), tool).toBe(false);
    expect(existsSync(join(modules, 'fastify'))).toBe(true);
    expect(installLog).not.toMatch(/EBADENGINE/);
  });

  it.runIf(asRoot)('leaves nothing the service user can write', () => {
    const r = spawnSync(
      'setpriv',
      [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', '--', 'find', prefix, '-writable'],
      { encoding: 'utf8' },
    );
    expect(r.stdout).toBe('');
  });
});

describe('the installed command, from /, as an unprivileged user', () => {
  it("--help, --version, a command's --help (exit 0)", () => {
    expect(run(['--help'])).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^Wachtwoord vergeten 1\.0\.0 — /) as unknown,
    });
    expect(run(['--version'])).toEqual({ code: 0, out: '1.0.0\n', err: '' });
    for (const c of ['serve', 'doctor', 'admin', 'report', 'audit:verify', 'audit:search'])
      expect(run([c, '--help'])).toMatchObject({ code: 0, err: '' });
  });

  it('a wrong call: one line on stderr, exit 2', () => {
    expect(run(['doctor', '--users', 'A.Janssen'])).toEqual({
      code: 2,
      out: '',
      err: 'wachtwoord-vergeten doctor: unknown option --users (wachtwoord-vergeten doctor --help shows the usage)\n',
    });
    expect(run(['doctor', 'A.Janssen'])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^wachtwoord-vergeten doctor: unexpected argument "A.Janssen" .*\n$/) as unknown,
    });
    expect(run(['serve'], { PORT: 'http' })).toEqual({
      code: 1,
      out: '',
      err: 'PORT must be a number from 0 to 65535, not "http"\n',
    });
  });

  it('doctor and report coverage on the demo', () => {
    expect(run(['doctor', '--user', 'A.Janssen'])).toMatchObject({
      code: 0,
      out: expect.stringContaining('Ready, with') as unknown,
    });
    expect(run(['report', 'coverage'])).toMatchObject({
      code: 0,
      out: expect.stringContaining('readiness of the embedded demo directory') as unknown,
    });
  });

  it('serve (demo with the admin listener and the desk): /healthz, the wizard, the desk, then admin, audit:verify and audit:search on its trail', async () => {
    const [port, adminPort] = [await freePort(), await freePort()];
    const config = join(work, 'config.json');
    const audit = join(work, 'state', 'audit-{host}.jsonl');
    writeFileSync(
      config,
      JSON.stringify({
        audit: { file: audit, host: 'web1' },
        admin: { enabled: true, port: adminPort },
        desk: { enabled: true },
      }),
      { mode: 0o644 },
    );
    const secrets = { RESET_KIOSK_ADMIN_TOKEN: TOKEN, RESET_KIOSK_ADMIN_URL: `http://127.0.0.1:${adminPort}` };
    const child = spawn(...command(['serve', '--config', config]), {
      cwd: '/',
      env: env({ PORT: String(port), LOG_LEVEL: 'warn', ...secrets }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let banner = '';
      await new Promise<void>((ok, fail) => {
        child.stderr.on('data', (d: Buffer) => ((banner += d.toString()), banner.includes('reset wizard on') && ok()));
        child.once('exit', (code) => fail(new Error(`serve exited ${code}: ${banner}`)));
      });
      expect(banner).toContain(`reset wizard on http://127.0.0.1:${port}`);
      expect(await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()).toEqual({ ok: true });
      expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toContain('<html');
      expect(await (await fetch(`http://127.0.0.1:${adminPort}/desk/`)).text()).toContain('<html'); // the servicedesk's page
      expect(run(['admin', 'health'], secrets)).toMatchObject({
        code: 0,
        out: expect.stringMatching(/^ready/) as unknown,
      });
      expect(run(['admin', 'unblock', '--user', 'A.Janssen'], secrets)).toMatchObject({
        code: 0,
        out: expect.stringContaining('budgets cleared') as unknown,
      });
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
    }
    expect(run(['audit:verify', '--config', config])).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^✓ .*audit-web1\.jsonl: \d+ records?, chain intact/) as unknown,
    });
    expect(run(['audit:search', '--config', config, '--user', 'A.Janssen'])).toMatchObject({
      code: 0,
      out: expect.stringMatching(/admin .* A\.Janssen/) as unknown,
    });
  });
});
