// The optional online breach check: Have I Been Pwned's Pwned Passwords range API (haveibeenpwned.com/API/v3,
// "Searching by range"). k-anonymity: only the first 5 hex digits of the password's SHA-1 leave this server;
// HIBP answers with every suffix it knows under that prefix (~800–1000), and the match happens here. With
// `Add-Padding: true` the answer is padded with fake suffixes (count 0) to a near-constant size, so an observer
// of the TLS stream cannot tell the prefix from the length. Bounded by a timeout; on any failure it fails OPEN
// (returns undefined: the offline rules still apply) with a log line that holds no password, hash or prefix.
// The answer is read as a stream, cut at 512 KB and at the deadline: a hostile or broken endpoint can cost
// neither memory nor more than timeoutMs (measured: a 300 MB answer, streamed slowly or at full speed).
import { createHash } from 'node:crypto';
import type { BreachCheck } from '../core/ports/passwords.js';
import type { Logger } from '../core/ports/log.js';

export type HibpSettings = { baseUrl: string; timeoutMs: number };

const MAX_BODY = 512 * 1024; // a padded answer is ~40 KB; anything far larger is not HIBP

/** The body as text, or undefined (and the stream cancelled) once it passes `max` bytes. Aborts with the fetch's signal. */
async function readBounded(res: Response, max: number): Promise<string | undefined> {
  if (!res.body) return '';
  const reader: ReadableStreamDefaultReader<Uint8Array> = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export class HibpBreachCheck implements BreachCheck {
  constructor(
    private readonly settings: HibpSettings,
    private readonly log: Logger,
  ) {}

  async isBreached(password: string): Promise<boolean | undefined> {
    const hash = createHash('sha1').update(password, 'utf8').digest('hex').toUpperCase();
    const started = Date.now();
    // One deadline for the whole exchange, the answer's body included: a server that trickles (or floods) is
    // cut at timeoutMs, and the body is read as a stream that stops at MAX_BODY — never buffered whole.
    const deadline = new AbortController();
    const timer = setTimeout(
      () => deadline.abort(new DOMException('deadline', 'TimeoutError')),
      this.settings.timeoutMs,
    );
    try {
      const res = await fetch(`${this.settings.baseUrl.replace(/\/$/, '')}/range/${hash.slice(0, 5)}`, {
        headers: { 'Add-Padding': 'true', 'User-Agent': 'reset-kiosk (self-service password reset)' },
        signal: deadline.signal,
        redirect: 'error',
      });
      if (!res.ok) {
        await res.body?.cancel().catch(() => {});
        return this.failOpen(`HTTP ${res.status}`, started);
      }
      const body = await readBounded(res, MAX_BODY);
      if (body === undefined) return this.failOpen('answer too large', started);
      const suffix = hash.slice(5);
      for (const line of body.split('\n')) {
        const [candidate, count] = line.trim().split(':');
        if (candidate?.toUpperCase() === suffix) return Number(count) > 0; // padding entries have count 0
      }
      return false;
    } catch (e) {
      const reason = deadline.signal.aborted
        ? `no answer within ${this.settings.timeoutMs} ms`
        : e instanceof Error
          ? e.name
          : 'error';
      return this.failOpen(reason, started);
    } finally {
      clearTimeout(timer);
    }
  }

  private failOpen(reason: string, started: number): undefined {
    this.log.warn(
      { reason, ms: Date.now() - started },
      'breach check (HIBP) did not answer: password judged by the offline rules only (fail open)',
    );
    return undefined;
  }
}
