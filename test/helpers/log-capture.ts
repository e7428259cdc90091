// Test helper: a logger that keeps everything, in two views. `lines` are what the product's logger (pino, with
// its redaction and error serialisation) writes, i.e. what lands in an admin's log file. `records()` are the
// calls as the code made them, before any redaction, so a test can also prove that a secret was never even
// handed to the logger. `text()` is both views together: the one to scan for secrets.
import { Writable } from 'node:stream';
import type { Logger } from '../../src-main/core/ports/log.js';
import { createLogger } from '../../src-main/log.js';

export type Level = 'info' | 'warn' | 'error';
/** One call, as plain JSON data: the object's fields, then its level and message. */
export type LogRecord = Record<string, unknown> & { level: Level; msg?: string };

/** A Logger to hand to the code under test, holding what it was given. */
export type LogCapture = Logger & { lines: string[]; records(): LogRecord[]; text(): string };

/** A plain copy of what was passed: an Error's fields (not enumerable) spelled out, a cycle cut. */
function plain(obj: object): Record<string, unknown> {
  const seen = new WeakSet<object>();
  const replacer = (_key: string, value: unknown) => {
    if (typeof value !== 'object' || value === null) return typeof value === 'bigint' ? String(value) : value;
    if (seen.has(value)) return '[cycle]';
    seen.add(value);
    return value instanceof Error ? { ...value, name: value.name, message: value.message, stack: value.stack } : value;
  };
  return JSON.parse(JSON.stringify(obj, replacer)) as Record<string, unknown>;
}

export function captureLog(): LogCapture {
  const lines: string[] = [];
  const calls: LogRecord[] = [];
  // pino writes synchronously into this stream: a line is in `lines` as soon as the call returns.
  const destination = new Writable({
    write: (chunk: Buffer, _enc, done) => (lines.push(...chunk.toString().split('\n').filter(Boolean)), done()),
  });
  const pino = createLogger({ level: 'info', destination });
  const at = (level: Level) => (obj: object, msg?: string) => {
    calls.push({ ...plain(obj), level, ...(msg === undefined ? {} : { msg }) });
    pino[level](obj, msg);
  };
  return {
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    lines,
    records: () => calls,
    text: () => [...lines, ...calls.map((c) => JSON.stringify(c))].join('\n'),
  };
}
