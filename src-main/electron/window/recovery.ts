// Crash or hang → back to the start screen, never a dead or half-filled window (the wizard state is gone
// anyway). A backoff keeps a renderer that crashes on load from spinning the CPU.
export type Recovery = { delayMs: number; history: number[] };

const WINDOW_MS = 60_000;
const BURST = 3;

/** Delay before reloading after a crash at `now`, given earlier crash times (ms); returns the new history. */
export function nextRecovery(history: readonly number[], now: number): Recovery {
  const recent = [...history.filter((t) => now - t < WINDOW_MS), now];
  const delayMs = recent.length <= BURST ? 1000 : 30_000;
  return { delayMs, history: recent };
}
