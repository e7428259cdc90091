// Reads the demo SMS outbox: one JSON line {to, body, at} per message (src-main/sms/outbox.ts).
// Tests take a mark before the action that sends a code and wait for a code to that number after it,
// so a code from an earlier test can never be picked up by mistake.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { readCode, type OutboxText } from '../../helpers/sms.js';

export class Outbox {
  constructor(readonly file: string) {}

  /** Where the outbox ends now (bytes). */
  mark(): number {
    return existsSync(this.file) ? statSync(this.file).size : 0;
  }

  /** The messages appended after `mark`. */
  since(mark: number): OutboxText[] {
    if (!existsSync(this.file)) return [];
    const text = readFileSync(this.file).subarray(mark).toString('utf8');
    return text
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as OutboxText);
  }

  /** Waits for the newest code sent to `to` (E.164) after `mark`. */
  async codeFor(to: string, mark: number, timeoutMs = 5000): Promise<{ code: string; sms: OutboxText }> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const sms = this.since(mark)
        .filter((m) => m.to === to && readCode(m.body))
        .at(-1);
      if (sms) return { code: readCode(sms.body)!, sms };
      if (Date.now() > deadline) throw new Error(`no code to ${to} in ${this.file} within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
