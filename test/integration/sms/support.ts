// Shared setup for the Twilio tests: the real app + web host on the demo directory, with the SMS provider
// pointed at the fake Twilio server on 127.0.0.1 (sms.provider.baseUrl). Nothing here reaches the internet.
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { createApp, type App, type AppOverrides } from '../../../src-main/app.js';
import { parseConfig } from '../../../src-main/config/load.js';
import type { Config } from '../../../src-main/config/schema.js';
import type { AuditEvent } from '../../../src-main/core/ports/audit.js';
import type { Logger } from '../../../src-main/core/ports/log.js';
import { createLogger } from '../../../src-main/log.js';
import { buildServer } from '../../../src-main/web/server.js';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startFakeTwilio, type FakeTwilio } from '../../peers/twilio/fake-twilio-server.js';

export const AC = 'AC' + 'a'.repeat(32);
export const TOKEN = 'test-auth-token-0123456789abcdef';
export const VA = 'VA' + 'b'.repeat(32);
export const MG = 'MG' + 'c'.repeat(32);
export const FROM = '+3197010000001';
/** Anna Janssen of resources/demo-directory.json ("+31 6 12345678", 01-10-1984). */
export const ANNA = { username: 'A.Janssen', birthdate: '01-10-1984', e164: '+31612345678' };
export const NEW_PASSWORD = 'Zonnebloem!2026';

/** The default credential variables, as an admin would set them. */
export const TWILIO_ENV = { RESET_KIOSK_TWILIO_ACCOUNT_SID: AC, RESET_KIOSK_TWILIO_AUTH_TOKEN: TOKEN };

export function useTwilioEnv(env: Record<string, string> = TWILIO_ENV): () => void {
  const before = { ...process.env };
  Object.assign(process.env, env);
  return () => {
    for (const k of Object.keys(env)) if (!(k in before)) delete process.env[k];
    Object.assign(process.env, before);
  };
}

export function twilioConfig(fake: FakeTwilio, provider: Record<string, unknown>, rest: Record<string, unknown> = {}): Config {
  if (!fake.baseUrl.startsWith('http://127.0.0.1:')) throw new Error('tests only talk to 127.0.0.1');
  return parseConfig({
    ...rest,
    sms: { ...(rest.sms as object | undefined), provider: { timeoutMs: 2000, ...provider, baseUrl: fake.baseUrl } },
    security: { identityFloorMs: 0, ...(rest.security as object | undefined) },
  });
}

/** A pino logger (the product's createLogger) whose every line is kept as text. */
export function capturingLogger(): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  const destination = new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(...chunk.toString().split('\n').filter(Boolean)), done()) });
  return { log: createLogger({ level: 'debug', destination }), lines };
}

export type Web = { app: App; server: FastifyInstance; audit: AuditEvent[]; call(method: string, body: object, ip?: string): Promise<Record<string, unknown>>; close(): Promise<void> };

/** createApp + buildServer, called through fastify inject like the browser would. */
export async function startWeb(config: Config, log: Logger, overrides: AppOverrides = {}): Promise<Web> {
  const audit: AuditEvent[] = [];
  const app = await createApp(config, log, { audit: { record: async (e) => void audit.push(e) }, ...overrides });
  const server = await buildServer(app, { log });
  return {
    app,
    server,
    audit,
    async call(method, body, ip = '10.0.0.7') {
      const res = await server.inject({ method: 'POST', url: `/api/${method}`, payload: body, remoteAddress: ip });
      return res.json() as Record<string, unknown>;
    },
    async close() {
      await server.close();
      await app.close();
    },
  };
}

/** start + verifyIdentity for Anna: the answer of verifyIdentity and the session id. */
export async function toCodeStep(web: Web, lang: 'nl' | 'en' = 'nl', ip?: string): Promise<{ sessionId: string; sent: Record<string, unknown> }> {
  const start = await web.call('start', { username: ANNA.username, lang }, ip);
  const sessionId = start.sessionId as string;
  const sent = await web.call('verifyIdentity', { sessionId, birthdate: ANNA.birthdate }, ip);
  return { sessionId, sent };
}

/**
 * One fake Twilio server and the Twilio environment for a whole test file; the web host a test puts in `web`
 * is closed after that test, and codes the fake "sent" are forgotten.
 */
export function useFakeTwilio(): { fake: FakeTwilio; web: Web | undefined } {
  const suite = { fake: undefined as unknown as FakeTwilio, web: undefined as Web | undefined };
  let restoreEnv: () => void;
  beforeAll(async () => {
    suite.fake = await startFakeTwilio();
    restoreEnv = useTwilioEnv();
  });
  afterEach(async () => {
    await suite.web?.close();
    suite.web = undefined;
    suite.fake.sentCodes.clear();
  });
  afterAll(async () => {
    restoreEnv();
    await suite.fake.close();
  });
  return suite;
}

