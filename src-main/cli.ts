#!/usr/bin/env node
// `wachtwoord-vergeten COMMAND [options]` (package.json "bin", through bin.ts). No arguments, `help` or --help print
// the help (exit 0); --version the version; an unknown command, option or argument one line on stderr (exit 2); a
// start-up failure the admin can fix one line (exit 1). Arguments are read with node:util parseArgs (args.ts): an
// argument library (commander, citty) would write the help text, but each command's options and texts are still
// ours to write, admin/report/audit:search keep their own tested parsers, and the package gets no new dependency.
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { optionsTakenByNpm, readArgs, StartError, UsageError } from './cli/args.js';
import { COMMANDS, type Command } from './cli/commands.js';

const NAME = 'wachtwoord-vergeten';

/** The version in package.json, found upwards from here: dist/main/cli.js (built, installed) or src-main/cli.ts. */
export function version(): string {
  for (const up of ['../package.json', '../../package.json']) {
    const file = new URL(up, import.meta.url);
    if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  }
  return 'unknown';
}

export function programHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length)) + 2;
  return [
    `Wachtwoord vergeten ${version()} — self-service password reset for Active Directory`,
    '',
    `Usage: ${NAME} COMMAND [options]`,
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}${c.summary}`),
    `  ${'help'.padEnd(width)}this text; \`help COMMAND\` (or COMMAND --help) shows a command's options`,
    '',
    'Options: -h, --help   --version',
    'Environment: LOG_LEVEL (trace, debug, info (default), warn, error, fatal, silent); secrets as RESET_KIOSK_…',
    "  variables or RESET_KIOSK_…_FILE naming a file (see the configuration's comments).",
    'Documentation: docs/central-service.md in this package; the example configurations are in its resources/.',
  ].join('\n');
}

export function commandHelp(name: string, c: Command): string {
  const flags: [string, string][] = Object.entries(c.options).map(([o, spec]) => [
    `--${o}${spec.value ? ` ${spec.value}` : ''}`,
    spec.help,
  ]);
  flags.push(['-h, --help', 'this text']);
  const width = Math.max(...flags.map(([f]) => f.length)) + 2;
  const [first, ...more] = c.synopsis;
  return [
    `${name}: ${c.summary}`,
    '',
    `Usage: ${NAME} ${first}`,
    ...more.map((l) => (l.startsWith(name) ? `       ${NAME} ${l}` : l)),
    '',
    'Options:',
    ...flags.map(([f, h]) => `  ${f.padEnd(width)}${h}`),
  ].join('\n');
}

/** Runs the command line; resolves to the exit code, or undefined while a command keeps running. */
export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number | undefined> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h') return (console.log(programHelp()), 0);
  if (first === '--version' || first === '-v') return (console.log(version()), 0);
  if (first === 'help') {
    const about = rest[0] === undefined ? undefined : COMMANDS[rest[0]];
    if (rest.length > 1 || (rest[0] !== undefined && !about))
      throw new UsageError(`help: no command "${rest.join(' ')}"`);
    return (console.log(about ? commandHelp(rest[0]!, about) : programHelp()), 0);
  }
  const command = Object.hasOwn(COMMANDS, first) ? COMMANDS[first] : undefined;
  if (!command) throw new UsageError(first.startsWith('-') ? `unknown option ${first}` : `unknown command "${first}"`);
  if (rest.includes('--version')) return (console.log(version()), 0);
  const taken = optionsTakenByNpm(first, Object.keys(command.options), env);
  if (taken.length)
    throw new UsageError(
      `npm took ${taken.map((t) => `--${t}`).join(' ')} for itself: write npm run ${first} -- ${taken.map((t) => `--${t}`).join(' ')} …`,
    );
  const parsed = readArgs(rest, command.options, command.maxPositionals);
  if (parsed.help) return (console.log(commandHelp(first, command)), 0);
  return command.run(parsed, rest);
}

/** The program: `main` on process.argv, its outcome as the exit code. */
export function run(): void {
  const command = process.argv[2] ?? '';
  main(process.argv.slice(2)).then(
    (code) => {
      if (code !== undefined) process.exitCode = code;
    },
    (e: unknown) => {
      const where = Object.hasOwn(COMMANDS, command) ? ` ${command}` : '';
      if (e instanceof UsageError) {
        console.error(`${NAME}${where}: ${e.message} (${NAME}${where} --help shows the usage)`);
        process.exit(2);
      }
      // ConfigError by name: importing config/load.js would load zod for --help too.
      if (e instanceof StartError || (e instanceof Error && e.name === 'ConfigError')) console.error(e.message);
      else console.error(e);
      process.exit(1);
    },
  );
}

// `node dist/main/cli.js …` still works as before; the installed command starts in bin.ts.
if (process.argv[1] && basename(process.argv[1]) === 'cli.js') run();
