// Demo SMS sender: appends every message as one JSON line {to, body, at} to a file and prints it,
// so anyone can walk through the whole reset without an SMS account.
import { appendFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { SendOutcome, SmsSender } from '../core/ports/sms.js';

export const defaultOutboxPath = (env: NodeJS.ProcessEnv = process.env): string =>
  env.RESET_KIOSK_OUTBOX || join(tmpdir(), 'reset-kiosk-outbox.jsonl');

export class OutboxSender implements SmsSender {
  constructor(
    readonly file: string,
    private readonly print: (line: string) => void = (line) => process.stdout.write(`[demo sms] ${line}\n`),
  ) {}

  async send(to: string, body: string): Promise<SendOutcome> {
    const line = JSON.stringify({ to, body, at: new Date().toISOString() });
    await mkdir(dirname(this.file), { recursive: true });
    await appendFile(this.file, line + '\n', { mode: 0o600 });
    this.print(line);
    return { ok: true };
  }
}
