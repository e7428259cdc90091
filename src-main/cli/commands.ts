// The commands of `wachtwoord-vergeten`: what each is for, its synopsis and options (its --help is made from
// these), how many plain arguments it takes, and how it runs. Each command imports its own modules when it runs,
// so `serve` loads no doctor and no Electron launcher, and `--help` loads nothing. `run` resolves to the exit
// code, or to undefined when the command keeps running (serve).
import type { Options, Parsed } from './args.js';

export type Command = {
  summary: string;
  synopsis: string[];
  options: Options;
  maxPositionals: number;
  run(p: Parsed, argv: string[]): Promise<number | undefined>;
};

const config = (what: string) =>
  ({ type: 'string', value: 'PATH', help: `the configuration file (JSON)${what}` }) as const;
const str = (p: Parsed, name: string) => (typeof p.values[name] === 'string' ? p.values[name] : undefined);

export const COMMANDS: Record<string, Command> = {
  serve: {
    summary: 'run the web host (and the admin listener when configured)',
    synopsis: [
      'serve [--config PATH]',
      'Without --config: the demo (fictional people, texts in a private outbox file).',
      'Environment: PORT and HOST override server.port/server.host; LOG_LEVEL (info).',
    ],
    options: { config: config('; without it the demo runs') },
    maxPositionals: 0,
    run: async (p) => (await import('./serve.js')).serve(str(p, 'config')).then(() => undefined), // keeps running
  },
  start: {
    summary: 'run the kiosk in Electron (a ward PC; needs the Electron binary)',
    synopsis: ['start [--config PATH] [--dev]'],
    options: { config: config(''), dev: { type: 'boolean', help: 'a window instead of the locked-down full screen' } },
    maxPositionals: 0,
    run: async (p) =>
      (await import('../launch.js')).startCommand({ dev: p.values['dev'] === true, config: str(p, 'config') }),
  },
  doctor: {
    summary: 'check a configuration against AD, SMS, audit trail and store (changes nothing)',
    synopsis: [
      'doctor [--config PATH] [--user NAME] [--probe-user NAME]',
      'Exit 0 when every check passes (warnings allowed), 1 otherwise.',
      "--probe-user binds as an ordinary account (password in RESET_KIOSK_PROBE_PASSWORD or _FILE) to prove it cannot read the test user's birthdate.",
    ],
    options: {
      config: config('; without it the demo'),
      user: { type: 'string', value: 'NAME', help: "also prove this test user's birthdate and mobile can be read" },
      'probe-user': {
        type: 'string',
        value: 'NAME',
        help: "an ordinary account (UPN or DN) that must NOT be able to read the test user's birthdate",
      },
    },
    maxPositionals: 0,
    run: async (p) =>
      (await import('../doctor/run.js')).doctorCommand({
        configPath: str(p, 'config'),
        user: str(p, 'user'),
        probeUser: str(p, 'probe-user'),
      }),
  },
  admin: {
    summary: "the servicedesk's client of the admin listener: status, unblock, health",
    synopsis: [
      'admin status|unblock --user NAME | --account OBJECTGUID',
      'admin health',
      'The token comes from RESET_KIOSK_ADMIN_TOKEN (or RESET_KIOSK_ADMIN_TOKEN_FILE).',
    ],
    options: {
      user: { type: 'string', value: 'NAME', help: 'the person, as they type their name' },
      account: { type: 'string', value: 'GUID', help: "the account's objectGUID" },
      url: {
        type: 'string',
        value: 'URL',
        help: "the admin listener (default: RESET_KIOSK_ADMIN_URL, the config's admin section, http://127.0.0.1:8081)",
      },
      config: config(': its admin section names the listener'),
      'token-env': { type: 'string', value: 'VAR', help: 'read the token from this variable instead' },
      insecure: {
        type: 'boolean',
        help: 'allow plain http:// to another machine (the token crosses the network readable)',
      },
    },
    maxPositionals: 1,
    run: async (_p, argv) => (await import('../admin/command.js')).adminCommand(argv),
  },
  report: {
    summary: 'report coverage: how many staff can use the reset, and who cannot (CSV); report usage: how it is used',
    synopsis: [
      'report coverage [--config PATH] [--csv FILE] [--max N] [--page-size N]',
      "report usage [--config PATH] [--since 30d] [--csv FILE]   (from every host's audit trail; counts only)",
    ],
    options: {
      config: config(''),
      csv: {
        type: 'string',
        value: 'FILE',
        help: 'coverage: who cannot use it and what is missing (never the values); usage: per day, reason, hour; mode 0600',
      },
      since: { type: 'string', value: 'PERIOD', help: 'usage: 7d, 30d (default), 90d or a date' },
      max: { type: 'string', value: 'N', help: 'stop after N accounts (100000)' },
      'page-size': { type: 'string', value: 'N', help: 'LDAP page size, 1–1000 (500)' },
    },
    maxPositionals: 1,
    run: async (_p, argv) => (await import('../report/command.js')).reportCommand(argv),
  },
  'audit:verify': {
    summary: "check audit files' hash chains (exit 0 only when every file is intact)",
    synopsis: ['audit:verify FILE…', 'audit:verify --config PATH   (checks its audit.file)'],
    options: { config: config(': check its audit.file') },
    maxPositionals: Infinity,
    run: async (p) => (await import('../audit/command.js')).auditVerifyCommand(p.positionals, str(p, 'config')),
  },
  'audit:search': {
    summary: 'what happened to one person (or everyone), on every host, oldest first',
    synopsis: [
      'audit:search [FILE…] [--config PATH] [--user NAME]… [--since 24h|7d|2026-11-25] [--until TIME] [--limit N]',
      'RESET_KIOSK_PSEUDONYM_KEY (or _FILE) links attempts made before the account was known.',
    ],
    options: {
      config: config(": search its audit.file (every host's)"),
      user: { type: 'string', multiple: true, value: 'NAME', help: 'only this person (repeat for more)' },
      since: { type: 'string', value: 'WHEN', help: '24h, 7d or a date' },
      until: { type: 'string', value: 'WHEN', help: 'as --since' },
      limit: { type: 'string', value: 'N', help: 'show the last N matches (1000)' },
    },
    maxPositionals: Infinity,
    run: async (_p, argv) => (await import('../audit/search-command.js')).auditSearchCommand(argv),
  },
};
