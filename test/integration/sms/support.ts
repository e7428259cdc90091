// Shared setup for the Twilio tests: one fake Twilio server per test file (useFakeTwilio), the real twilio SDK
// pointed at it (sms.provider.baseUrl), the Twilio secrets in the app's own env (never process.env), and the web
// host on the demo directory reading codes from the fake like a phone would. Nothing here reaches the internet.
import { afterAll, afterEach, beforeAll } from 'vitest';
import { parseConfig } from '../../../src-main/config/load.js';
import type { TwilioProviderConfig } from '../../../src-main/config/sms.js';
import type { Lang } from '../../../src-main/core/contract.js';
import type { Clock } from '../../../src-main/core/ports/clock.js';
import type { Logger } from '../../../src-main/core/ports/log.js';
import { createTwilioClient, type TwilioHandle } from '../../../src-main/sms/twilio-client.js';
import { ANNA } from '../../helpers/demo-users.js';
import { webHost, type WebHost } from '../../helpers/web-host.js';
import { startFakeTwilio, type FakeOptions, type FakeTwilio } from '../../peers/twilio/fake-twilio-server.js';

export const AC = 'AC' + 'a'.repeat(32);
export const TOKEN = 'test-auth-token-0123456789abcdef';
export const VA = 'VA' + 'b'.repeat(32);
export const MG = 'MG' + 'c'.repeat(32);
export const FROM = '+3197010000001';
export const NEW_PASSWORD = 'Zonnebloem!2026';

/** The default credential variables, as an admin would set them. */
export const TWILIO_ENV = { RESET_KIOSK_TWILIO_ACCOUNT_SID: AC, RESET_KIOSK_TWILIO_AUTH_TOKEN: TOKEN };

/** Where the SDK is sent: the fake, or any `{ baseUrl }` on 127.0.0.1 (a closed port for "connection refused"). */
export type Target = { baseUrl: string };

/** A raw config with `provider` (default timeout 2 s) sent to `target`; `rest` adds other sections. */
export function twilioConfig(
  target: Target,
  provider: Record<string, unknown>,
  rest: Record<string, unknown> = {},
): Record<string, unknown> {
  if (!target.baseUrl.startsWith('http://127.0.0.1:')) throw new Error('tests only talk to 127.0.0.1');
  return {
    ...rest,
    sms: { ...(rest.sms as object | undefined), provider: { timeoutMs: 2000, ...provider, baseUrl: target.baseUrl } },
  };
}

/** The product's Twilio client for `provider` (through the real schema), with TWILIO_ENV's credentials. */
export function twilioClient(target: Target, provider: Record<string, unknown>): TwilioHandle {
  return createTwilioClient(
    parseConfig(twilioConfig(target, provider)).sms.provider as TwilioProviderConfig,
    TWILIO_ENV,
  );
}

export type TwilioHostOptions = { config?: Record<string, unknown>; log?: Logger; now?: Clock };

/**
 * The web host with `provider` on the fake, the config's own limits, and codes read from the fake. The
 * per-account spacing between texts runs on real time, and these tests send many codes to one person at once:
 * it is off here (core tests prove it).
 */
export function twilioHost(
  fake: FakeTwilio,
  provider: Record<string, unknown>,
  opts: TwilioHostOptions = {},
): Promise<WebHost> {
  return webHost({
    config: twilioConfig(fake, provider, opts.config),
    relaxLimits: false,
    ...(opts.log ? { log: opts.log } : {}),
    overrides: {
      env: TWILIO_ENV,
      limits: { smsSpacingPerAccount: { points: 1_000_000, durationSeconds: 30 } },
      ...(opts.now ? { now: opts.now } : {}),
    },
    codeOf: (to = ANNA.mobile) => fake.codeTo(to) ?? failWith(`the fake sent no code to ${to}`),
  });
}

const failWith = (message: string): never => {
  throw new Error(message);
};

/** Anna asks for a code (start + verifyIdentity): the session and verifyIdentity's answer, whatever it is. */
export async function requestCode(
  web: WebHost,
  opts: { lang?: Lang; client?: string } = {},
): Promise<{ sessionId: string; sent: Record<string, unknown> }> {
  const { sessionId } = await web.walkTo('identity', ANNA, opts);
  return { sessionId, sent: await web.call('verifyIdentity', { sessionId, birthdate: ANNA.birthdate }, opts.client) };
}

/**
 * One fake Twilio server for a whole test file; the web host a test puts in `web` is stopped after that test,
 * and the fake forgets what it saw and was told (back to `opts`).
 */
export function useFakeTwilio(opts: FakeOptions = {}): { fake: FakeTwilio; web: WebHost | undefined } {
  const suite = { fake: undefined as unknown as FakeTwilio, web: undefined as WebHost | undefined };
  beforeAll(async () => {
    suite.fake = await startFakeTwilio(opts);
  });
  afterEach(async () => {
    await suite.web?.stop();
    suite.web = undefined;
    suite.fake.reset(opts);
  });
  afterAll(() => suite.fake.close());
  return suite;
}
