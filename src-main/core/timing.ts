// Small helpers for answers that must not leak through their timing, and for fault references.
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

/** Resolves to `value` no sooner than `floorMs` after `startedMs`, so every answer of a step takes as long. */
export async function padTo<T>(startedMs: number, floorMs: number, value: T): Promise<T> {
  const wait = startedMs + floorMs - Date.now();
  if (wait > 0) await sleep(wait);
  return value;
}

/** A short reference the user can read out to the servicedesk; the admin log has the details under it. */
export const newCorrelationId = (): string => randomBytes(4).toString('hex');
