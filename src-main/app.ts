// The composition root: config → adapters → the reset service every host uses. Adapters are imported only
// when the config names them (a dynamic import each), so the demo never loads ldapts, twilio or ioredis and a
// kiosk pays at logon only for what it uses (`npm run bench`: cold start and idle memory).
import { teeAudit, type AuditObserver } from './audit/tee.js';
import { auditHost, resolveAudit } from './config/audit.js';
import { readSecret } from './config/load.js';
import { flowOptions } from './config/runtime.js';
import type { Config } from './config/schema.js';
import type { ResetService } from './core/contract.js';
import { CoreEvents } from './core/events.js';
import { withFaultBarrier } from './core/fault-barrier.js';
import { createResetFlow, type FlowDeps } from './core/flow.js';
import { noAudit, type AuditSink } from './core/ports/audit.js';
import { systemClock, type Clock } from './core/ports/clock.js';
import type { Directory } from './core/ports/directory.js';
import type { Logger } from './core/ports/log.js';
import type { Probe } from './core/ports/probe.js';
import type { CodeChannel, SmsSender } from './core/ports/sms.js';
import type { SessionStore } from './core/ports/store.js';
import { pseudonymiser, type Pseudonymise } from './core/pseudonym.js';
import { Throttles, type AllLimits, type LimiterFactory } from './core/throttle.js';
import { createDirectory } from './directory/index.js';
import { smsPhone } from './sms/messages.js';
import { createSms } from './sms/index.js';
import { createScreen } from './passwords/index.js';
import { lazyMobileCheck } from './sms/mobile.js';
import { createStore } from './store/index.js';
import { loadPepper } from './store/pepper.js';
import type { Metrics, PoolSnapshot } from './metrics/metrics.js';

export type AppOverrides = {
  directory?: Directory;
  /** SMS adapters (tests: fault injection); both replace the configured provider's. */
  codeChannel?: CodeChannel;
  notices?: SmsSender;
  sessions?: SessionStore;
  limiters?: LimiterFactory;
  /** Any budget, configured or derived (throttle.ts): tests relax some and keep others real. */
  limits?: Partial<AllLimits>;
  audit?: AuditSink;
  now?: Clock;
  /** Where adapters read their secrets (env vars / `<VAR>_FILE`); default process.env. The kiosk passes a private
   *  copy holding the DPAPI-decrypted AD password, so it never lands in process.env (and child processes). */
  env?: NodeJS.ProcessEnv;
  /** Collect metrics although the admin listener (which serves them) is off: tests. */
  metrics?: boolean;
  /** Node's process metrics (CPU, memory, event loop) in /metrics: on for the web host, off in tests. */
  processMetrics?: boolean;
};

export type App = {
  service: ResetService;
  describe: string[];
  probes: Probe[];
  /** For the admin listener (src-main/admin, web/admin-server.ts): the config, the directory, the budgets, the
   *  audited sink, the pseudonym of typed names, and the metrics (only collected when the listener is on). */
  config: Config;
  directory: Directory;
  throttles: Throttles;
  audit: AuditSink;
  pseudonymise: Pseudonymise;
  metrics: Metrics | undefined;
  /** The core's typed events (core/events.ts): metrics listen here; the kiosk's session tracker may subscribe. */
  events: CoreEvents;
  /** For the servicedesk pages (src-main/desk): budgets on the same store, and a sender for their own texts. */
  limiters: LimiterFactory;
  sender: SmsSender | undefined;
  /** Where the directory's adapter reads its secrets (the desk's AD sign-in uses the same settings). */
  env: NodeJS.ProcessEnv;
  close(): Promise<void>;
};

/** A lookup of a name no one has: proves the directory binds and searches, without touching an account. */
const directoryProbe = (directory: Directory): Probe => ({
  name: 'directory',
  check: async () => void (await directory.findUser('readyz-probe-no-such-user')),
});

export async function createApp(config: Config, log: Logger, overrides: AppOverrides = {}): Promise<App> {
  const env = overrides.env ?? process.env;
  const directory = overrides.directory ?? (await createDirectory(config.directory, log, env));
  // The store's server secret: codes and store keys are keyed with it (store/pepper.ts); required with Redis.
  const pepper = loadPepper(config.store, env);
  const sms = await createSms(
    config.sms,
    {
      organisation: config.organisation,
      codeTtlSeconds: config.security.codeTtlSeconds,
      env,
      pepper,
      servicedeskPhone: smsPhone(config.servicedesk.phone),
    },
    log,
  );
  const store = await createStore(config.store, log, env, pepper);
  const sessions = overrides.sessions ?? store.sessions;
  const auditTarget = resolveAudit(config.audit);
  const fileAudit =
    !overrides.audit && auditTarget
      ? await (await import('./audit/file-sink.js')).FileAuditSink.open(auditTarget.file, { host: auditTarget.host })
      : undefined;
  const forwarder = config.audit.syslog
    ? new (await import('./audit/syslog.js')).SyslogForwarder(config.audit.syslog, log)
    : undefined;
  const metrics =
    config.admin.enabled || overrides.metrics
      ? await collectMetrics(directory, forwarder, overrides.processMetrics ?? false)
      : undefined;
  const observers: AuditObserver[] = forwarder ? [forwarder.observe] : [];
  const events = new CoreEvents(log);
  if (metrics) events.subscribe(metrics.onEvent);
  const throttles = new Throttles(
    { ...config.security.limits, ...overrides.limits },
    overrides.limiters ?? store.limiters,
    { resendAfterSeconds: config.security.resendAfterSeconds },
  );
  // The file (fail closed), then the SIEM; then the core's events for everyone else.
  const audit = events.auditing(
    teeAudit(overrides.audit ?? fileAudit ?? noAudit, observers, { host: auditHost(config.audit), log }),
  );
  // Typed names that are no account appear as keyed hashes; one key on every host links them (docs/security.md).
  const pseudonymise = pseudonymiser(readSecret('RESET_KIOSK_PSEUDONYM_KEY', env));
  const passwords = await createScreen(config, log, overrides.now ?? systemClock);
  const pending = new Set<Promise<unknown>>(); // notices still being sent: awaited by close()
  const deps: FlowDeps = {
    directory,
    codeChannel: overrides.codeChannel ?? sms.codeChannel,
    notices: config.sms.notifyOnChange ? (overrides.notices ?? sms.notices) : undefined,
    mobile: lazyMobileCheck({
      defaultCountry: config.sms.defaultCountry,
      allowedCountries: config.sms.allowedCountries,
    }),
    sessions,
    throttles,
    audit,
    log,
    pseudonymise,
    background: (task) => {
      const tracked: Promise<unknown> = task.finally(() => pending.delete(tracked));
      pending.add(tracked);
    },
    screen: passwords.screen,
    events,
    ...(overrides.now ? { now: overrides.now } : {}),
  };
  const s = config.security;
  const flow = createResetFlow(deps, flowOptions(config));
  const describe = [
    config.directory.type === 'demo'
      ? 'directory: embedded demo (resources/demo-directory.json)'
      : `directory: ${config.directory.type}`,
    ...(directory.enforcesHistory
      ? []
      : [
          'WARNING: the directory does not enforce password history on reset (no LDAP policy hints); the wizard shows the history rule as not checked',
        ]),
    passwords.describe,
    sms.describe,
    store.describe,
    auditTarget
      ? `audit trail: ${auditTarget.file} (host ${auditTarget.host}; check with audit:verify)`
      : 'audit trail: off (set audit.file)',
    ...(config.audit.syslog
      ? [
          `audit events to the SIEM: syslog ${config.audit.syslog.tls ? 'over TLS' : 'over plain TCP'} to ${config.audit.syslog.host}:${config.audit.syslog.port}`,
        ]
      : []),
    // Allowed for tests and benchmarks; in production a low floor lets response times tell accounts apart.
    ...(config.directory.type !== 'demo' && s.identityFloorMs < 200
      ? [
          `WARNING: security.identityFloorMs is ${s.identityFloorMs} ms: answers to the birthdate step may reveal which accounts exist (use ≥ 200, default 400)`,
        ]
      : []),
  ];
  for (const line of describe) if (line.startsWith('WARNING')) log.warn({ startup: true }, line);
  return {
    service: metrics
      ? (await import('./metrics/instrument.js')).instrument(withFaultBarrier(flow, log), metrics)
      : withFaultBarrier(flow, log),
    config,
    directory,
    throttles,
    audit,
    pseudonymise,
    metrics,
    events,
    limiters: overrides.limiters ?? store.limiters,
    sender: overrides.notices ?? sms.notices,
    env,
    describe,
    probes: [directoryProbe(directory), ...store.probes],
    async close() {
      await Promise.allSettled([...pending]);
      await sessions.close();
      await store.close();
      await directory.close();
      await fileAudit?.close();
      await forwarder?.close();
    },
  };
}

/** Metrics fed by the audit stream and read from the directory pool and the SIEM queue (metrics/metrics.ts). */
async function collectMetrics(
  directory: Directory,
  forwarder: { stats: { sent: number; dropped: number; connected: boolean }; queued: number } | undefined,
  processMetrics: boolean,
): Promise<Metrics> {
  const metrics = new (await import('./metrics/metrics.js')).Metrics({ processMetrics });
  const pooled = directory as Partial<{ poolStats: PoolSnapshot }>; // the AD adapter's pool; the demo has none
  metrics.watch({
    ...('poolStats' in pooled ? { pool: () => pooled.poolStats } : {}),
    ...(forwarder ? { siem: () => ({ ...forwarder.stats, queued: forwarder.queued }) } : {}),
  });
  return metrics;
}
