// Test helper: the real app (createApp) as a test needs it: the demo directory (or the one the config names), the
// SMS outbox in a temp dir so a test can read the code "received" by phone, the audit events in memory, secrets
// from a private env (never process.env), and throttles relaxed unless a test is about them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App, type AppOverrides } from '../../src-main/app.js';
import { parseConfig } from '../../src-main/config/load.js';
import type { Config } from '../../src-main/config/schema.js';
import type { AuditEvent } from '../../src-main/core/ports/audit.js';
import type { Directory } from '../../src-main/core/ports/directory.js';
import { silentLogger, type Logger } from '../../src-main/core/ports/log.js';
import { BUDGET_KINDS, deriveLimits, DEFAULT_LIMITS, type AllLimits } from '../../src-main/core/throttle.js';
import { createDirectory } from '../../src-main/directory/index.js';
import { DemoDirectory } from '../../src-main/directory/demo.js';
import { lastCode, readOutbox } from './sms.js';

/**
 * `directory` is the app's own (tests swap a method on it to inject a fault). `audit` holds the events unless the
 * config names an audit file (then they go there). `lastCode(to?)` reads the outbox like a phone.
 */
export type DemoApp = {
  app: App;
  directory: Directory;
  dir: string;
  outbox: string;
  config: Config;
  audit: AuditEvent[];
  lastCode: (to?: string) => string;
  close(): Promise<void>;
};

/**
 * Every budget multiplied (account ones too), for tests that make many calls from one client; 3 tries per code,
 * and a repeated birthdate still a repeat (counted once).
 */
const DEFAULTS = deriveLimits(DEFAULT_LIMITS);
export const RELAXED_LIMITS: AllLimits = Object.fromEntries(
  BUDGET_KINDS.map((k) => [
    k,
    k === 'codeChecks' || k === 'identityDates' ? DEFAULTS[k] : { ...DEFAULTS[k], points: 1_000_000 },
  ]),
) as AllLimits;

export type DemoAppOptions = {
  /** Raw config (parsed by the real schema); an outbox without a file writes to `outbox`. */
  config?: Record<string, unknown>;
  overrides?: AppOverrides;
  log?: Logger;
  floorMs?: number;
  /** The demo outbox file (default: in the temp dir); hosts that share it share one phone. */
  outbox?: string;
  /** false: the config's limits (default true: RELAXED_LIMITS, unless overrides.limits says otherwise). */
  relaxLimits?: boolean;
};

export async function demoApp(opts: DemoAppOptions = {}): Promise<DemoApp> {
  const dir = mkdtempSync(join(tmpdir(), 'rk-test-'));
  const outbox = opts.outbox ?? join(dir, 'outbox.jsonl');
  const log = opts.log ?? silentLogger;
  const config = parseConfig({
    ...opts.config,
    security: { identityFloorMs: opts.floorMs ?? 0, ...(opts.config?.security as object | undefined) },
  });
  // The app's own env: the outbox (RESET_KIOSK_OUTBOX, unless the config names a file) and what the test adds.
  const env = { RESET_KIOSK_OUTBOX: outbox, ...opts.overrides?.env };
  const directory =
    opts.overrides?.directory ??
    (config.directory.type === 'demo' ? DemoDirectory.load() : await createDirectory(config.directory, log, env));
  const audit: AuditEvent[] = [];
  const memoryAudit = config.audit.file
    ? {}
    : { audit: { record: (e: AuditEvent) => Promise.resolve(void audit.push(e)) } };
  const limits = opts.relaxLimits === false ? {} : { limits: RELAXED_LIMITS };
  const app = await createApp(config, log, { ...limits, ...memoryAudit, ...opts.overrides, directory, env });
  return {
    app,
    directory,
    dir,
    outbox,
    config,
    audit,
    lastCode: (to) => lastCode(readOutbox(outbox), to),
    async close() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
