// `serve [--config PATH]`: the web host, and the admin listener when configured. Its logs (JSON lines) go to
// stdout, the start banner to stderr. What an admin can get wrong at start — a port in use, a bad PORT or HOST,
// an unreadable config, an unknown LOG_LEVEL — ends in one line saying what to do (exit 1), no stack trace.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isLoopback } from '../config/admin.js';
import { loadConfig } from '../config/load.js';
import { createLogger, LOG_LEVELS } from '../log.js';
import { StartError } from './args.js';

const here = dirname(fileURLToPath(import.meta.url));
/** A built page (dist/renderer: the wizard, dist/desk: the servicedesk's): beside dist/server (the bundle, here) or
 *  above dist/main/cli (tsc's output). */
const builtDir = (name: string, page: string) =>
  [join(here, '..', name), join(here, '..', '..', name)].find((d) => existsSync(join(d, page))) ??
  join(here, '..', '..', name);

/** PORT and HOST from the environment win over server.port/server.host. */
export function listenAddress(
  env: NodeJS.ProcessEnv,
  server: { host: string; port: number },
): { host: string; port: number } {
  const raw = env['PORT'] || undefined;
  const port = raw === undefined ? server.port : Number(raw);
  if (raw !== undefined && !(/^\d{1,5}$/.test(raw) && port <= 65535))
    throw new StartError(`PORT must be a number from 0 to 65535, not "${raw}"`);
  const host = env['HOST'] || server.host;
  return { host, port };
}

/** Node's listen errors, said for an admin. */
export function listenFailure(e: unknown, what: string, host: string, port: number): Error {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE')
    return new StartError(
      `${what}: port ${port} on ${host} is already in use: stop the other program, or choose another port (PORT or the config)`,
    );
  if (code === 'EACCES')
    return new StartError(
      `${what}: port ${port} needs privileges: use a port above 1023 (and a proxy or firewall rule in front)`,
    );
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAFNOSUPPORT')
    return new StartError(
      `${what}: "${host}" is not an address of this machine: set HOST (or the config's host) to one, e.g. 127.0.0.1 or 0.0.0.0`,
    );
  return e instanceof Error ? e : new Error(String(e));
}

export async function serve(configPath: string | undefined, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const level = env['LOG_LEVEL'] || 'info';
  if (!LOG_LEVELS.includes(level))
    throw new StartError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not "${level}"`);
  const config = loadConfig(configPath);
  const { host, port } = listenAddress(env, config.server);
  const log = createLogger({ level });
  // The demo shows the servicedesk pages too (demo agents, resources/demo-agents.json); its admin token is random.
  const demo = !configPath;
  if (demo) {
    env = { ...env };
    config.admin.enabled = config.desk.enabled = true;
    env['RESET_KIOSK_ADMIN_TOKEN'] ??= (await import('node:crypto')).randomBytes(32).toString('hex');
    // An audit trail beside the demo outbox (a private directory per user), so the person page's events and the
    // usage page have something to show.
    config.audit.file ??= join(dirname((await import('../sms/outbox.js')).defaultOutboxPath({})), 'audit-{host}.jsonl');
  }
  const [{ createApp }, { buildServer }] = await Promise.all([import('../app.js'), import('../web/server.js')]);
  const app = await createApp(config, log, { processMetrics: true });
  // Built before anything listens: a missing admin token stops start-up.
  const admin = config.admin.enabled
    ? await (
        await import('../web/admin-server.js')
      ).buildAdminServer(app, { log, env, rendererDir: builtDir('desk', 'desk.html') })
    : undefined;
  const server = await buildServer(app, {
    rendererDir: builtDir('renderer', 'index.html'),
    server: config.server,
    log,
  });
  const banner: string[] = [];
  try {
    const url = await server
      .listen({ host, port })
      .catch((e: unknown) => Promise.reject(listenFailure(e, 'the web host', host, port)));
    if (admin) {
      const a = config.admin;
      const adminUrl = await admin.listen({ host: a.host, port: a.port }).catch((e: unknown) => {
        // The demo's servicedesk is a bonus: a second demo on this machine still starts, without it.
        if (demo && (e as NodeJS.ErrnoException).code === 'EADDRINUSE') return undefined;
        return Promise.reject(listenFailure(e, 'the admin listener', a.host, a.port));
      });
      if (adminUrl === undefined) banner.push(`  servicedesk pages not started: port ${a.port} on ${a.host} is in use`);
      else {
        banner.push(`  admin listener (servicedesk, /metrics): ${adminUrl}`);
        if (config.desk.enabled)
          banner.push(
            `  servicedesk pages: ${adminUrl}/desk/${demo ? ' (demo agents: sd.demo / Servicedesk#Demo1, mgr.demo / Manager#Demo1)' : ''}`,
          );
      }
      if (!a.tls && !isLoopback(a.host))
        log.warn(
          { startup: true },
          'WARNING: the admin listener speaks plain HTTP beyond loopback: set admin.tls or put a TLS proxy in front',
        );
    }
    banner.push(...app.describe.map((line) => `  ${line}`));
    banner.push(
      `Wachtwoord vergeten — reset wizard on ${url}${configPath ? '' : ' (demo mode: try A.Janssen, 01-10-1984)'}`,
    );
  } catch (e) {
    await Promise.allSettled([server.close(), admin?.close(), app.close()]);
    throw e;
  }
  process.stderr.write(banner.join('\n') + '\n');
  const stop = async () => {
    await server.close();
    await admin?.close();
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}
