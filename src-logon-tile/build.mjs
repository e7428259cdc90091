// `npm run build:logon-tile`: builds src-logon-tile with CMake and installs the DLL into dist/logon-tile/.
// Linux cross-compiles with Debian's mingw-w64 (toolchain file); Windows uses Visual Studio (x64).
// `--tests <dir>` builds in <dir> and also builds the test-only DLLs (fake system port) and tile-test.exe there;
// those are never installed, so dist/logon-tile/ only ever holds the shipped DLL (installed from the same build:
// the tests compile the sources once).
// Not part of `npm run build`: the rest of the product builds without a C++ toolchain.
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const windows = process.platform === 'win32';
const dllName = 'wachtwoord-vergeten-tile.dll';
const INSTALL_HINT = windows
  ? 'Install CMake and Visual Studio (Desktop development with C++), then run it again.'
  : 'Install the toolchain and run it again:\n  sudo apt-get install -y g++-mingw-w64-x86-64-posix cmake';

function fail(message) {
  console.error(`build:logon-tile: ${message}`);
  process.exit(1);
}

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root });
  if (result.error) fail(`${command}: ${result.error.message}`);
  if (result.status !== 0) fail(`${command} ${args.join(' ')} failed (exit ${result.status})`);
}

function requireTools() {
  const tools = windows ? ['cmake'] : ['cmake', 'x86_64-w64-mingw32-g++-posix', 'x86_64-w64-mingw32-windres'];
  const missing = tools.filter((tool) => spawnSync(tool, ['--version'], { stdio: 'ignore' }).error);
  if (missing.length) fail(`not found: ${missing.join(', ')}.\n${INSTALL_HINT}`);
}

const testsAt = process.argv.indexOf('--tests');
const buildDir =
  testsAt > 0
    ? resolve(process.argv[testsAt + 1] ?? fail('--tests needs a directory'))
    : join(root, '.tmp', 'logon-tile');
const outDir = join(root, 'dist', 'logon-tile');

requireTools();
mkdirSync(buildDir, { recursive: true });
const configure = [
  '-S',
  here,
  '-B',
  buildDir,
  '-DCMAKE_BUILD_TYPE=Release',
  `-DWWV_TILE_TESTS=${testsAt > 0 ? 'ON' : 'OFF'}`,
];
if (windows) configure.push('-A', 'x64');
else configure.push(`-DCMAKE_TOOLCHAIN_FILE=${join(here, 'mingw-w64-x86_64.cmake')}`);
run('cmake', configure);
run('cmake', ['--build', buildDir, '--config', 'Release', '--parallel', '2']);
run('cmake', ['--install', buildDir, '--config', 'Release', '--prefix', outDir]);
console.log(`${join('dist', 'logon-tile', dllName)}: ${statSync(join(outDir, dllName)).size} bytes`);
if (testsAt > 0) console.log(`test-only DLLs and tile-test.exe in ${buildDir} (not installed)`);
