// The logging port the core writes to. pino's logger satisfies it; tests pass a recorder.
// Callers never put passwords, codes, full phone numbers or birthdates in the object (see test/unit/secrets).
export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
