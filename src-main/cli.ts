#!/usr/bin/env node
// Entry points: `serve` (web host, and the admin listener when configured), `start` (Electron kiosk), `doctor`,
// `audit:verify`, `audit:search`, `admin` (the servicedesk's client), `report`. Every command takes
// --config PATH. Each command imports its own modules, so `serve` loads no doctor and no Electron launcher.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isLoopback } from './config/admin.js';
import { ConfigError, loadConfig } from './config/load.js';
import { createLogger } from './log.js';

const here = dirname(fileURLToPath(import.meta.url));

async function serve(configPath: string | undefined): Promise<void> {
  const config = loadConfig(configPath);
  const log = createLogger();
  const [{ createApp }, { buildServer }] = await Promise.all([import('./app.js'), import('./web/server.js')]);
  const app = await createApp(config, log, { processMetrics: true });
  // Built before anything listens: a missing admin token stops start-up.
  const admin = config.admin.enabled ? await (await import('./web/admin-server.js')).buildAdminServer(app, { log }) : undefined;
  const server = await buildServer(app, { rendererDir: join(here, '..', 'renderer'), server: config.server, log });
  const host = process.env.HOST ?? config.server.host;
  const port = process.env.PORT ? Number(process.env.PORT) : config.server.port;
  const url = await server.listen({ host, port });
  if (admin) {
    console.log(`  admin listener (servicedesk, /metrics): ${await admin.listen({ host: config.admin.host, port: config.admin.port })}`);
    if (!config.admin.tls && !isLoopback(config.admin.host)) log.warn({ startup: true }, 'WARNING: the admin listener speaks plain HTTP beyond loopback: set admin.tls or put a TLS proxy in front');
  }
  for (const line of app.describe) console.log(`  ${line}`);
  console.log(`Wachtwoord vergeten — reset wizard on ${url}${configPath ? '' : ' (demo mode: try A.Janssen, 01-10-1984)'}`);
  const stop = async () => {
    await server.close();
    await admin?.close();
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

/** Commands that read their own options (more than the common --config/--user/--dev). */
const OWN_ARGS: Record<string, (argv: string[]) => Promise<number>> = {
  'audit:search': async (argv) => (await import('./audit/search-command.js')).auditSearchCommand(argv),
  admin: async (argv) => (await import('./admin/command.js')).adminCommand(argv),
  report: async (argv) => (await import('./report/command.js')).reportCommand(argv),
};

async function main(): Promise<void> {
  const own = OWN_ARGS[process.argv[2] ?? ''];
  if (own) {
    process.exitCode = await own(process.argv.slice(3));
    return;
  }
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { config: { type: 'string' }, user: { type: 'string' }, dev: { type: 'boolean' } } });
  const command = positionals[0] ?? 'serve';
  switch (command) {
    case 'serve':
      return serve(values.config);
    case 'audit:verify':
      process.exitCode = await (await import('./audit/command.js')).auditVerifyCommand(positionals.slice(1), values.config);
      return;
    case 'start':
      process.exitCode = await (await import('./electron/launch.js')).startCommand({ dev: values.dev ?? false, config: values.config });
      return;
    case 'doctor':
      process.exitCode = await (await import('./doctor/run.js')).doctorCommand({ configPath: values.config, user: values.user });
      return;
    default:
      console.error(`unknown command "${command}". Commands: serve, start [--dev], doctor, audit:verify, ${Object.keys(OWN_ARGS).join(', ')}`);
      process.exit(2);
  }
}

main().catch((e: unknown) => {
  if (e instanceof ConfigError) console.error(e.message);
  else console.error(e);
  process.exit(1);
});
