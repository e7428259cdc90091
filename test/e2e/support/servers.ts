// The web hosts the browser tests run against, started by Playwright's webServer (playwright.config.ts).
// Ports and the temp directory are chosen once in the runner process and passed to the workers through
// the environment, because Playwright loads the config again in every worker.
// Each worker has its own set of hosts (E2E_WORKERS sets, picked by Playwright's TEST_PARALLEL_INDEX): a worker's
// tests meet no other worker's sessions, budgets or SMS outbox, exactly as when one worker ran them all.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type ServerName = 'main' | 'shortCode' | 'desktop' | 'phone';
export type TestServer = { name: ServerName; url: string; port: number; outbox: string; configFile: string };

// Generous budgets: every test runs from 127.0.0.1, and the same demo users are used by many tests within a
// run. The values stay inside the schema's bounds (src-main/config/schema.ts LIMIT_MAX). SMS budget: 10 codes per
// user per run; keep each demo user's total across all specs below that (now about 7 each).
const DAY = 86_400;
const LIMITS = {
  identityPerUser: { points: 10, durationSeconds: DAY },
  identityPerClient: { points: 1000, durationSeconds: 3600 },
  startsPerClient: { points: 10_000, durationSeconds: 3600 },
  smsPerUser: { points: 10, durationSeconds: DAY },
  smsPerClient: { points: 1000, durationSeconds: 3600 },
};

/** Fast answers (these tests do not measure enumeration timing) and a short resend wait. */
export const RESEND_AFTER_SECONDS = 2;
/** The second host's code lifetime, for the expired-code test. */
export const SHORT_CODE_TTL_SECONDS = 2;

/**
 * The hosts of the two screen sizes (playwright.config.ts projects `desktop` and `phone`): each its own budgets,
 * so running every check at both sizes does not spend one host's SMS budget twice. The product's defaults where a
 * test looks at them — 5 birthdate tries per name, a 30 s resend wait, 90 s idle, 300 s on the code step — and
 * a success screen of 30 s, to prove its countdown comes from info() and not from a constant.
 */
export const SIZE_HOST = {
  identityTries: 5,
  resendAfterSeconds: 30,
  idleSeconds: 90,
  codeIdleSeconds: 300,
  doneSeconds: 30,
};
const sizeHost = {
  channelName: { nl: 'de SMSPasscode app', en: 'the SMSPasscode app' }, // the manual's organisation (config example)
  security: {
    identityFloorMs: 20,
    resendAfterSeconds: SIZE_HOST.resendAfterSeconds,
    idleSeconds: SIZE_HOST.idleSeconds,
    codeIdleSeconds: SIZE_HOST.codeIdleSeconds,
    doneSeconds: SIZE_HOST.doneSeconds,
    limits: { ...LIMITS, identityPerUser: { points: SIZE_HOST.identityTries, durationSeconds: DAY } },
  },
};

const CONFIGS: Record<ServerName, object> = {
  main: { security: { identityFloorMs: 20, resendAfterSeconds: RESEND_AFTER_SECONDS, limits: LIMITS } },
  shortCode: {
    security: {
      identityFloorMs: 20,
      resendAfterSeconds: RESEND_AFTER_SECONDS,
      codeTtlSeconds: SHORT_CODE_TTL_SECONDS,
      limits: LIMITS,
    },
  },
  desktop: { sms: { channelName: sizeHost.channelName }, security: sizeHost.security },
  phone: { sms: { channelName: sizeHost.channelName }, security: sizeHost.security },
};

/** Workers of playwright.config.ts, each with its own hosts. */
export const E2E_WORKERS = 2;

/** A port that was free a moment ago (asked from a child process, so the config can stay synchronous). */
function freePort(): number {
  const script =
    "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})";
  return Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim());
}

/** Runner process: creates the temp dir, config files and ports once; workers find them in the environment. */
export function prepareServers(env: NodeJS.ProcessEnv = process.env): void {
  if (env.RK_E2E_DIR) return;
  const dir = mkdtempSync(join(tmpdir(), 'reset-kiosk-e2e-'));
  for (const [name, config] of Object.entries(CONFIGS))
    writeFileSync(join(dir, `${name}.json`), JSON.stringify(config));
  env.RK_E2E_DIR = dir;
  const ports = Array.from({ length: E2E_WORKERS }, () =>
    Object.fromEntries(Object.keys(CONFIGS).map((name) => [name, freePort()])),
  );
  env.RK_E2E_PORTS = JSON.stringify(ports);
}

/** The hosts of one worker (default: the calling worker's, TEST_PARALLEL_INDEX; 0 outside a worker). */
export function servers(
  env: NodeJS.ProcessEnv = process.env,
  worker = Number(env.TEST_PARALLEL_INDEX ?? 0),
): Record<ServerName, TestServer> {
  const dir = env.RK_E2E_DIR;
  if (!dir || !env.RK_E2E_PORTS) throw new Error('prepareServers() has not run (playwright.config.ts does it)');
  const ports = (JSON.parse(env.RK_E2E_PORTS) as Record<ServerName, number>[])[worker];
  if (!ports) throw new Error(`no e2e hosts for worker ${worker}: E2E_WORKERS is ${E2E_WORKERS}`);
  const server = (name: ServerName): TestServer => ({
    name,
    port: ports[name],
    url: `http://127.0.0.1:${ports[name]}`,
    outbox: join(dir, `${name}-${worker}-outbox.jsonl`),
    configFile: join(dir, `${name}.json`),
  });
  return { main: server('main'), shortCode: server('shortCode'), desktop: server('desktop'), phone: server('phone') };
}

/** Every worker's hosts, for playwright.config.ts's webServer list. */
export const allServers = (env: NodeJS.ProcessEnv = process.env): TestServer[] =>
  Array.from({ length: E2E_WORKERS }, (_, worker) => Object.values(servers(env, worker))).flat();
