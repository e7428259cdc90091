// The optional online breach check: Have I Been Pwned's Pwned Passwords range API (haveibeenpwned.com/API/v3,
// "Searching by range"). k-anonymity: only the first 5 hex digits of the password's SHA-1 leave this server;
// HIBP answers with every suffix it knows under that prefix (~800–1000), and the match happens here. With
// `Add-Padding: true` the answer is padded with fake suffixes (count 0) to a near-constant size, so an observer
// of the TLS stream cannot tell the prefix from the length. Bounded by a timeout; on any failure it fails OPEN
// (returns undefined: the offline rules still apply) with a log line that holds no password, hash or prefix.
import { createHash } from 'node:crypto';
import type { BreachCheck } from '../core/ports/passwords.js';
import type { Logger } from '../core/ports/log.js';

export type HibpSettings = { baseUrl: string; timeoutMs: number };

const MAX_BODY = 512 * 1024; // a padded answer is ~40 KB; anything far larger is not HIBP

export class HibpBreachCheck implements BreachCheck {
  constructor(
    private readonly settings: HibpSettings,
    private readonly log: Logger,
  ) {}

  async isBreached(password: string): Promise<boolean | undefined> {
    const hash = createHash('sha1').update(password, 'utf8').digest('hex').toUpperCase();
    const started = Date.now();
    try {
      const res = await fetch(`${this.settings.baseUrl.replace(/\/$/, '')}/range/${hash.slice(0, 5)}`, {
        headers: { 'Add-Padding': 'true', 'User-Agent': 'reset-kiosk (self-service password reset)' },
        signal: AbortSignal.timeout(this.settings.timeoutMs),
        redirect: 'error',
      });
      if (!res.ok) return this.failOpen(`HTTP ${res.status}`, started);
      const body = await res.text();
      if (body.length > MAX_BODY) return this.failOpen('answer too large', started);
      const suffix = hash.slice(5);
      for (const line of body.split('\n')) {
        const [candidate, count] = line.trim().split(':');
        if (candidate?.toUpperCase() === suffix) return Number(count) > 0; // padding entries have count 0
      }
      return false;
    } catch (e) {
      const reason = e instanceof Error && e.name === 'TimeoutError' ? `no answer within ${this.settings.timeoutMs} ms` : e instanceof Error ? e.name : 'error';
      return this.failOpen(reason, started);
    }
  }

  private failOpen(reason: string, started: number): undefined {
    this.log.warn({ reason, ms: Date.now() - started }, 'breach check (HIBP) did not answer: password judged by the offline rules only (fail open)');
    return undefined;
  }
}
