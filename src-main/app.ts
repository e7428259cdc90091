// The composition root: config → adapters → the guarded reset service every host uses.
import { FileAuditSink } from './audit/file-sink.js';
import { SyslogForwarder } from './audit/syslog.js';
import { teeAudit, type AuditObserver } from './audit/tee.js';
import { auditHost, resolveAudit } from './config/audit.js';
import type { Config } from './config/schema.js';
import { noAudit, type AuditSink } from './core/audit.js';
import type { ResetService } from './core/contract.js';
import { createResetFlow, type FlowDeps } from './core/flow.js';
import { guard } from './core/guard.js';
import { pseudonymiser, type Pseudonymise } from './core/pseudonym.js';
import { readSecret } from './config/load.js';
import type { Logger } from './core/log.js';
import type { SessionStore } from './core/session.js';
import { Throttles, type LimiterFactory, type Limits } from './core/throttle.js';
import { createDirectory } from './directory/index.js';
import type { Directory } from './directory/types.js';
import { renderMessage } from './sms/messages.js';
import { createSms } from './sms/index.js';
import type { CodeChannel, SmsSender } from './sms/types.js';
import { createStore } from './store/index.js';
import { instrument } from './metrics/instrument.js';
import { Metrics, type PoolSnapshot } from './metrics/metrics.js';

export type AppOverrides = {
  directory?: Directory;
  /** SMS adapters (tests: fault injection); both replace the configured provider's. */
  codes?: CodeChannel;
  notices?: SmsSender;
  sessions?: SessionStore;
  limiters?: LimiterFactory;
  limits?: Partial<Limits>;
  audit?: AuditSink;
  now?: () => number;
  /** Where adapters read their secrets (env vars / `<VAR>_FILE`); default process.env. The kiosk passes a private
   *  copy holding the DPAPI-decrypted AD password, so it never lands in process.env (and child processes). */
  env?: NodeJS.ProcessEnv;
  /** Node's process metrics (CPU, memory, event loop) in /metrics: on for the web host, off in tests. */
  processMetrics?: boolean;
};

/** A readiness check for `/readyz` and doctor: resolves when the dependency answers, rejects with the reason. */
export type Probe = { name: string; check(): Promise<void> };

export type App = {
  service: ResetService;
  config: Config;
  directory: Directory;
  describe: string[];
  probes: Probe[];
  metrics: Metrics;
  /** For the admin listener (src-main/admin): budgets, the audited sink, the pseudonym of typed names. */
  throttles: Throttles;
  audit: AuditSink;
  pseudonymise: Pseudonymise;
  close(): Promise<void>;
};

/** A lookup of a name no one has: proves the directory binds and searches, without touching an account. */
const directoryProbe = (directory: Directory): Probe => ({ name: 'directory', check: async () => void (await directory.findUser('readyz-probe-no-such-user')) });

export async function createApp(config: Config, log: Logger, overrides: AppOverrides = {}): Promise<App> {
  const env = overrides.env ?? process.env;
  const directory = overrides.directory ?? (await createDirectory(config.directory, log, env));
  const sms = await createSms(config.sms, { organisation: config.organisation, codeTtlSeconds: config.security.codeTtlSeconds, env }, log);
  const store = await createStore(config.store, log, env);
  const sessions = overrides.sessions ?? store.sessions;
  const auditTarget = resolveAudit(config.audit);
  const fileAudit = !overrides.audit && auditTarget ? await FileAuditSink.open(auditTarget.file, { host: auditTarget.host }) : undefined;
  const forwarder = config.audit.syslog ? new SyslogForwarder(config.audit.syslog, log) : undefined;
  const metrics = new Metrics({ processMetrics: overrides.processMetrics ?? false });
  const pooled = directory as Partial<{ poolStats: PoolSnapshot }>; // the AD adapter's pool; the demo has none
  metrics.watch({
    ...('poolStats' in pooled ? { pool: () => pooled.poolStats } : {}),
    ...(forwarder ? { siem: () => ({ ...forwarder.stats, queued: forwarder.queued }) } : {}),
  });
  const observers: AuditObserver[] = [metrics.observe, ...(forwarder ? [forwarder.observe] : [])];
  const pending = new Set<Promise<unknown>>(); // notices still being sent: awaited by close()
  const throttles = new Throttles({ ...config.security.limits, ...overrides.limits }, overrides.limiters ?? store.limiters);
  const audit = teeAudit(overrides.audit ?? fileAudit ?? noAudit, observers, { host: auditHost(config.audit), log });
  // Typed names that are no account appear as keyed hashes; one key on every host links them (README).
  const pseudonymise = pseudonymiser(readSecret('RESET_KIOSK_PSEUDONYM_KEY', env));
  const deps: FlowDeps = {
    directory,
    codes: overrides.codes ?? sms.codes,
    notices: config.sms.notifyOnChange ? (overrides.notices ?? sms.notices) : undefined,
    sessions,
    throttles,
    audit,
    log,
    pseudonymise,
    background: (task) => {
      const tracked: Promise<unknown> = task.finally(() => pending.delete(tracked));
      pending.add(tracked);
    },
    ...(overrides.now ? { now: overrides.now } : {}),
  };
  const s = config.security;
  const flow = createResetFlow(deps, {
    organisation: config.organisation,
    servicedesk: config.servicedesk,
    applications: config.applications,
    defaultLang: config.language,
    demo: config.directory.type === 'demo',
    minLength: config.password.minLength,
    mustChangeAtNextLogon: config.password.mustChangeAtNextLogon,
    codeTtlSeconds: s.codeTtlSeconds,
    resendAfterSeconds: s.resendAfterSeconds,
    sessionTtlSeconds: s.sessionTtlSeconds,
    idleSeconds: s.idleSeconds,
    mobileRegistration: config.mobileRegistration,
    identityFloorMs: s.identityFloorMs,
    phone: { defaultCountry: config.sms.defaultCountry, allowedCountries: config.sms.allowedCountries },
    changedNotice: (lang) => renderMessage(config.sms.templates, 'changed', lang, { organisation: config.organisation }),
  });
  const describe = [
    config.directory.type === 'demo' ? 'directory: embedded demo (resources/demo-directory.json)' : `directory: ${config.directory.type}`,
    ...(directory.enforcesHistory ? [] : ['WARNING: the directory does not enforce password history on reset (no LDAP policy hints); the "last 5 passwords" rule cannot be enforced']),
    sms.describe,
    store.describe,
    auditTarget ? `audit trail: ${auditTarget.file} (host ${auditTarget.host}; check with audit:verify)` : 'audit trail: off (set audit.file)',
    ...(config.audit.syslog ? [`audit events to the SIEM: syslog ${config.audit.syslog.tls ? 'over TLS' : 'over plain TCP'} to ${config.audit.syslog.host}:${config.audit.syslog.port}`] : []),
    // Allowed for tests and benchmarks; in production a low floor lets response times tell accounts apart.
    ...(config.directory.type !== 'demo' && s.identityFloorMs < 200 ? [`WARNING: security.identityFloorMs is ${s.identityFloorMs} ms: answers to the birthdate step may reveal which accounts exist (use ≥ 200, default 400)`] : []),
  ];
  for (const line of describe) if (line.startsWith('WARNING')) log.warn({ startup: true }, line);
  return {
    service: instrument(guard(flow, log), metrics),
    metrics,
    throttles,
    audit,
    pseudonymise,
    config,
    directory,
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
