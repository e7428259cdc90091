// The product's logger: structured JSON (pino) with redaction of anything that could hold a secret,
// as a second line of defence behind "never pass one" (see test/unit/secrets).
import { pino } from 'pino';
import type { Logger } from './core/ports/log.js';

export const REDACT_PATHS = ['password', 'repeat', 'code', 'birthdate', 'mobile', 'to', 'body', '*.password', '*.code', '*.birthdate', '*.mobile', 'authToken', 'bindPassword'];

export function createLogger(opts: { level?: string; destination?: pino.DestinationStream } = {}): Logger & pino.Logger {
  return pino({ level: opts.level ?? process.env.LOG_LEVEL ?? 'info', redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: { app: 'reset-kiosk' } }, opts.destination);
}
