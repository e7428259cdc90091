// The package as an admin installs it, for the start-up figures: `npm pack` of a built checkout (or a tarball
// given as is), then `npm install -g --omit=dev` into a fresh prefix under the bench's work folder. Returns the
// command to start: the installed `bin` (package.json; the bundled dist/server/bin.js with Node's compile cache)
// or, for a build from before 1.0.0 that had no `bin`, its dist/main/cli.js.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export type Installed = { label: string; entry: string; version: string };

export function packAndInstall(source: string, work: string, name: string): Installed {
  const from = resolve(source);
  let tarball = from;
  if (!from.endsWith('.tgz')) {
    if (!existsSync(join(from, 'dist', 'main', 'cli.js')))
      throw new Error(`${from} has no build: run npm run build there first`);
    const [pack] = JSON.parse(
      execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
        cwd: from,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }),
    ) as { filename: string }[];
    tarball = join(work, pack!.filename);
  }
  const prefix = join(work, `prefix-${name}`);
  mkdirSync(prefix, { recursive: true });
  execFileSync(
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
      '--loglevel=error',
      tarball,
    ],
    {
      cwd: work,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
    },
  );
  const modules = join(prefix, 'lib', 'node_modules');
  const [pkg] = readdirSync(modules).filter((d) => !d.startsWith('.'));
  const dir = join(modules, pkg!);
  const { version, bin } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    version: string;
    bin?: Record<string, string>;
  };
  const command = bin?.['wachtwoord-vergeten'];
  return {
    label: `${pkg}@${version}`,
    entry: command ? join(dir, command) : join(dir, 'dist', 'main', 'cli.js'),
    version,
  };
}
