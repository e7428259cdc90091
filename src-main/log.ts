// The product's logger: structured JSON (pino) with redaction of anything that could hold a secret,
// as a second line of defence behind "never pass one" (see test/unit/secrets). One JSON object per line with
// an ISO 8601 `time` and the level's name ("info", "warn"), pino's standard options for both
// (https://getpino.io/#/docs/api?id=timestamp-boolean-function, ?id=formatters-object), so journald, a SIEM or
// jq read it without knowing pino's numeric levels. LOG_LEVEL (default info) chooses how much.
import { pino } from 'pino';
import type { Logger } from './core/ports/log.js';

export const REDACT_PATHS = [
  'password',
  'repeat',
  'code',
  'birthdate',
  'mobile',
  'to',
  'body',
  '*.password',
  '*.code',
  '*.birthdate',
  '*.mobile',
  'authToken',
  'bindPassword',
];

/** LOG_LEVEL's accepted values, quietest last. */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];

export function createLogger(
  opts: { level?: string; destination?: pino.DestinationStream } = {},
): Logger & pino.Logger {
  return pino(
    {
      level: opts.level ?? process.env.LOG_LEVEL ?? 'info',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      base: { app: 'reset-kiosk' },
    },
    opts.destination,
  );
}
