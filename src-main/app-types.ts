// What the composition root (app.ts) hands to every host, and what tests and hosts may override.
import type { PersonDesk } from './admin/person.js';
import type { Config } from './config/schema.js';
import type { ResetService } from './core/contract.js';
import type { CoreEvents } from './core/events.js';
import type { AuditSink } from './core/ports/audit.js';
import type { Clock } from './core/ports/clock.js';
import type { Directory } from './core/ports/directory.js';
import type { Probe } from './core/ports/probe.js';
import type { CodeChannel, SmsSender } from './core/ports/sms.js';
import type { SessionStore } from './core/ports/store.js';
import type { Pseudonymise } from './core/pseudonym.js';
import type { AllLimits, LimiterFactory, Throttles } from './core/throttle.js';
import type { Metrics } from './metrics/metrics.js';

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
  /** The core's typed events (core/events.ts): metrics listen here. */
  events: CoreEvents;
  /** One person's status and unblock for the admin API and the servicedesk pages; built only with the admin
   *  listener (which serves both), so a plain web host or kiosk never loads it. */
  people: PersonDesk | undefined;
  /** For the servicedesk pages (src-main/desk): budgets on the same store, and a sender for their own texts. */
  limiters: LimiterFactory;
  sender: SmsSender | undefined;
  /** Where the directory's adapter reads its secrets (the desk's AD sign-in uses the same settings). */
  env: NodeJS.ProcessEnv;
  close(): Promise<void>;
};
