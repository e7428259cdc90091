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

/**
 * Rejects with `onTimeout()` when `work` has not settled within `ms`. The work itself is not cancelled; its late
 * failure is swallowed so it cannot become an unhandled rejection.
 */
export async function withTimeout<T>(work: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  work.catch(() => undefined);
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
