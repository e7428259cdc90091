// One-time codes we generate ourselves (demo outbox and Twilio Messaging): 6 digits from a CSPRNG,
// stored only as a salted, peppered hash (HMAC keyed with the store's server secret, store/pepper.ts: the
// salt alone is stored next to the hash, so without the pepper all 10⁶ codes could be tried offline in a
// second), compared in constant time. Expiry and tries are tracked by the flow.
import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

export const CODE_LENGTH = 6;

export function generateCode(): string {
  return String(randomInt(0, 10 ** CODE_LENGTH)).padStart(CODE_LENGTH, '0');
}

/** HMAC-SHA256(pepper, salt NUL code): the pepper never leaves the hosts' memory. */
export function hashCode(
  code: string,
  pepper: Buffer,
  salt = randomBytes(16).toString('hex'),
): { hash: string; salt: string } {
  return { hash: createHmac('sha256', pepper).update(`${salt}\0${code}`).digest('hex'), salt };
}

export function codeMatches(code: string, stored: { hash: string; salt: string }, pepper: Buffer): boolean {
  const candidate = Buffer.from(hashCode(code, pepper, stored.salt).hash, 'hex');
  const expected = Buffer.from(stored.hash, 'hex');
  return candidate.length === expected.length && timingSafeEqual(candidate, expected);
}

/** What the user typed, cleaned of spaces (SMS apps often show "123 456"); null when it cannot be a code. */
export function cleanCode(input: string): string | null {
  const c = input.replace(/[\s-]/g, '');
  return /^\d{6}$/.test(c) ? c : null;
}
