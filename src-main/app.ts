// The composition root: config → adapters → the reset service every host uses. Adapters are imported only
// when the config names them (a dynamic import each), so the demo never loads ldapts, twilio or ioredis and a
// kiosk pays at logon only for what it uses (`npm run bench`: cold start and idle memory).
import { expandAuditPath } from './audit/files.js';
import { teeAudit, type AuditObserver } from './audit/tee.js';
import { auditHost, resolveAudit } from './config/audit.js';
import { readSecret } from './config/load.js';
import { flowOptions } from './config/runtime.js';
import type { Config } from './config/schema.js';
import { CoreEvents } from './core/events.js';
import { withFaultBarrier } from './core/fault-barrier.js';
import { createResetFlow, type FlowDeps } from './core/flow.js';
import { noAudit } from './core/ports/audit.js';
import { systemClock } from './core/ports/clock.js';
import type { Directory } from './core/ports/directory.js';
import type { Logger } from './core/ports/log.js';
import type { Probe } from './core/ports/probe.js';
import { pseudonymiser } from './core/pseudonym.js';
import { Throttles } from './core/throttle.js';
import { createDirectory } from './directory/index.js';
import { smsPhone } from './sms/messages.js';
import { createSms } from './sms/index.js';
import { createScreen } from './passwords/index.js';
import { lazyMobileCheck } from './sms/mobile.js';
import { startupLines } from './startup-lines.js';
import { createStore } from './store/index.js';
import { loadPepper } from './store/pepper.js';
import { collectMetrics } from './metrics/collect.js';
import type { App, AppOverrides } from './app-types.js';

export type { App, AppOverrides } from './app-types.js';

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
  const flow = createResetFlow(deps, flowOptions(config));
  const people = config.admin.enabled
    ? new (await import('./admin/person.js')).PersonDesk({
        directory,
        throttles,
        audit,
        pseudonymise,
        auditFiles: async () => (config.audit.file ? expandAuditPath(config.audit.file) : []),
        recentEvents: config.admin.recentEvents,
        phone: { defaultCountry: config.sms.defaultCountry, allowedCountries: config.sms.allowedCountries },
        ...(overrides.now ? { now: overrides.now } : {}),
      })
    : undefined;
  const describe = startupLines(config, {
    enforcesHistory: directory.enforcesHistory,
    passwords: passwords.describe,
    sms: sms.describe,
    store: store.describe,
    audit: auditTarget,
  });
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
    people,
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
