// Kiosk hygiene: after `seconds` without any input the wizard is wiped, so the next person at a shared
// ward computer never sees someone else's username or half-finished reset (DESIGN.md: 90 s idle).
const ACTIVITY = ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart'] as const;

/** Calls `onIdle` once after `seconds` of no activity; returns a function that stops watching. */
export function watchIdle(seconds: number, onIdle: () => void, target: EventTarget = window): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(onIdle, seconds * 1000);
  };
  // Capture phase: a step that stops propagation still counts as activity.
  for (const type of ACTIVITY) target.addEventListener(type, arm, { capture: true, passive: true });
  arm();
  return () => {
    clearTimeout(timer);
    for (const type of ACTIVITY) target.removeEventListener(type, arm, { capture: true });
  };
}
