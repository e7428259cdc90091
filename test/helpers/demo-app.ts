// Test helper: the real app (createApp) on the demo directory, with the SMS outbox in a temp dir so a test can
// read the code "received" by phone, and throttles relaxed unless a test is about them.
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App, type AppOverrides } from '../../src-main/app.js';
import { parseConfig } from '../../src-main/config/load.js';
import type { Config } from '../../src-main/config/schema.js';
import { silentLogger, type Logger } from '../../src-main/core/ports/log.js';
import type { Directory } from '../../src-main/core/ports/directory.js';
import { DEFAULT_LIMITS, LIMIT_KINDS, type Limits } from '../../src-main/core/throttle.js';
import { DemoDirectory } from '../../src-main/directory/demo.js';

/** `directory` is the app's own (tests swap a method on it to inject a fault). */
export type DemoApp = { app: App; directory: Directory; dir: string; outbox: string; config: Config; lastCode(to?: string): string; close(): Promise<void> };

/** Every limit multiplied, for tests that make many calls from one client; the per-code limit stays 3. */
export const RELAXED_LIMITS: Limits = Object.fromEntries(
  LIMIT_KINDS.map((k) => [k, k === 'codeChecks' ? DEFAULT_LIMITS[k] : { ...DEFAULT_LIMITS[k], points: 1_000_000 }]),
) as Limits;

export type DemoAppOptions = { config?: Record<string, unknown>; overrides?: AppOverrides; log?: Logger; floorMs?: number; outbox?: string };

export async function demoApp(opts: DemoAppOptions = {}): Promise<DemoApp> {
  const dir = mkdtempSync(join(tmpdir(), 'rk-test-'));
  const outbox = opts.outbox ?? join(dir, 'outbox.jsonl');
  const raw = {
    sms: { provider: { type: 'outbox', file: outbox } },
    ...opts.config,
    security: { identityFloorMs: opts.floorMs ?? 0, ...(opts.config?.security as object | undefined) },
  };
  const config = parseConfig(raw);
  const directory = opts.overrides?.directory ?? DemoDirectory.load();
  const app = await createApp(config, opts.log ?? silentLogger, { limits: RELAXED_LIMITS, ...opts.overrides, directory });
  return {
    app,
    directory,
    dir,
    outbox,
    config,
    lastCode(to?: string) {
      if (!existsSync(outbox)) throw new Error('no SMS sent yet');
      const lines = readFileSync(outbox, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { to: string; body: string });
      const mine = lines.filter((l) => !to || l.to === to);
      const m = /\b(\d{6})\b/.exec(mine.at(-1)?.body ?? '');
      if (!m?.[1]) throw new Error('no code in the outbox');
      return m[1];
    },
    async close() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
