// Test helper: the phone. Reads the one-time code out of a text the way a person would, and the demo outbox
// (src-main/sms/outbox.ts: one JSON line {to, body, at} per text). The only copy of the code pattern in test/.
import { existsSync, readFileSync } from 'node:fs';

export type Text = { to: string; body: string };
export type OutboxText = Text & { at: string };

/** A code is six digits standing on their own (src-main/core/otp.ts; the templates put it between words). */
const CODE = /\b(\d{6})\b/;

/** The code in one text, or undefined when it holds none (the "password changed" notice). */
export function readCode(body: string | undefined): string | undefined {
  return CODE.exec(body ?? '')?.[1];
}

/** The code in the newest text (to `to`, when given); throws when nothing was sent or that text has no code. */
export function lastCode(texts: readonly Text[], to?: string): string {
  const mine = texts.filter((t) => to === undefined || t.to === to);
  if (mine.length === 0) throw new Error(`no SMS sent yet${to ? ` to ${to}` : ''}`);
  const code = readCode(mine.at(-1)!.body);
  if (!code)
    throw new Error(`the last SMS${to ? ` to ${to}` : ''} holds no code: ${JSON.stringify(mine.at(-1)!.body)}`);
  return code;
}

/** Every text in a demo outbox file, oldest first; none when the file does not exist yet. */
export function readOutbox(file: string): OutboxText[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as OutboxText);
}
