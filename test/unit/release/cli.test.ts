// The command line as an admin meets it (src-main/cli.ts): help and version everywhere (exit 0), every wrong
// call one line naming what is wrong (UsageError: exit 2), start-up failures one line (StartError: exit 1).
// The installed command's exit codes and stderr are proven in test/integration/release/package.test.ts.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../src-main/cli.js';
import { StartError, UsageError } from '../../../src-main/cli/args.js';
import { COMMANDS } from '../../../src-main/cli/commands.js';
import { listenAddress, serve } from '../../../src-main/cli/serve.js';

const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
let printed: string[];
beforeEach(() => {
  printed = [];
  vi.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
});
afterEach(() => vi.restoreAllMocks());

const usageError = async (argv: string[], env: NodeJS.ProcessEnv = {}) => {
  const e: unknown = await main(argv, env).then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(UsageError);
  const message = (e as Error).message;
  expect(message).not.toContain('\n');
  return message;
};

describe('help and version (exit 0)', () => {
  it.each([[[]], [['--help']], [['-h']], [['help']]])(
    '%j prints the program help, naming every command',
    async (argv) => {
      expect(await main(argv, {})).toBe(0);
      for (const name of Object.keys(COMMANDS)) expect(printed.join('\n')).toContain(`  ${name} `);
    },
  );

  it.each(
    Object.keys(COMMANDS).flatMap((c) => [
      [c, '--help'],
      [c, '-h'],
      ['help', c],
    ]),
  )("%s %s prints that command's usage and options", async (...argv) => {
    expect(await main(argv, {})).toBe(0);
    const name = argv[0] === 'help' ? argv[1] : argv[0];
    expect(printed.join('\n')).toMatch(new RegExp(`Usage: wachtwoord-vergeten ${name}`));
    for (const option of Object.keys(COMMANDS[name]!.options)) expect(printed.join('\n')).toContain(`--${option}`);
  });

  it.each([['--version'], ...Object.keys(COMMANDS).map((c) => [c, '--version'])])(
    '%s %s prints the version of package.json',
    async (...argv) => {
      expect(await main(argv, {})).toBe(0);
      expect(printed).toEqual([version]);
    },
  );

  it('help for an unknown command is a usage error', async () => {
    expect(await usageError(['help', 'reboot'])).toBe('help: no command "reboot"');
  });
});

describe('wrong calls: one line naming what is wrong (exit 2)', () => {
  it.each(Object.keys(COMMANDS))('%s --no-such-option', async (c) => {
    expect(await usageError([c, '--no-such-option'])).toBe('unknown option --no-such-option');
  });

  it.each(Object.entries(COMMANDS).filter(([, c]) => Number.isFinite(c.maxPositionals)))(
    '%s with a stray argument',
    async (name, c) => {
      const argv = [name, ...Array.from({ length: c.maxPositionals }, () => 'status'), 'extra-arg'];
      expect(await usageError(argv)).toBe('unexpected argument "extra-arg"');
    },
  );

  it('an unknown command, an option without its value, a value for a switch', async () => {
    expect(await usageError(['reboot'])).toBe('unknown command "reboot"');
    expect(await usageError(['--verbose'])).toBe('unknown option --verbose');
    expect(await usageError(['doctor', '--user'])).toBe('option --user needs a value');
    expect(await usageError(['doctor', '--config', '--user', 'x'])).toBe('option --config needs a value');
    expect(await usageError(['start', '--dev=yes'])).toBe('option --dev takes no value');
  });

  it('`npm run doctor --user A.Janssen` without `--`: npm kept --user, and the name arrived as an argument', async () => {
    const npm = { npm_lifecycle_event: 'doctor', npm_config_user: 'true' };
    expect(await usageError(['doctor', 'A.Janssen'], npm)).toBe(
      'npm took --user for itself: write npm run doctor -- --user …',
    );
    expect(await usageError(['doctor', 'A.Janssen'], {})).toBe('unexpected argument "A.Janssen"');
    expect(
      await usageError(['audit:search'], { npm_lifecycle_event: 'audit:search', npm_config_since: '24h' }),
    ).toMatch(/^npm took --since/);
    // Outside that npm script the same variable means nothing to us.
    expect(await main(['doctor', '--help'], { npm_lifecycle_event: 'test', npm_config_user: 'true' })).toBe(0);
  });
});

describe('serve: start-up failures an admin can fix (exit 1, one line)', () => {
  let other: Server;
  afterEach(() => void other?.close());

  it('a port in use', async () => {
    other = createServer();
    const port = await new Promise<number>((r) =>
      other.listen(0, '127.0.0.1', () => r((other.address() as { port: number }).port)),
    );
    const e = await serve(undefined, { PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent' }).catch(
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(StartError);
    expect((e as Error).message).toBe(
      `the web host: port ${port} on 127.0.0.1 is already in use: stop the other program, or choose another port (PORT or the config)`,
    );
  });

  it('a bad PORT, HOST or LOG_LEVEL, an unreadable config', async () => {
    for (const port of ['abc', '8080x', '-1', '70000', '1e3'])
      expect(() => listenAddress({ PORT: port }, { host: '127.0.0.1', port: 8080 })).toThrow(
        `PORT must be a number from 0 to 65535, not "${port}"`,
      );
    expect(listenAddress({ HOST: '::1', PORT: '' }, { host: '127.0.0.1', port: 8080 })).toEqual({
      host: '::1',
      port: 8080,
    });
    await expect(serve(undefined, { HOST: 'no-such-host.invalid', PORT: '0', LOG_LEVEL: 'silent' })).rejects.toThrow(
      /"no-such-host.invalid" is not an address of this machine/,
    );
    await expect(serve(undefined, { LOG_LEVEL: 'loud' })).rejects.toThrow(
      'LOG_LEVEL must be one of trace, debug, info, warn, error, fatal, silent, not "loud"',
    );
    await expect(serve('/no/such/config.json', {})).rejects.toThrow(
      /^cannot read config file \/no\/such\/config.json: ENOENT/,
    );
  });
});
