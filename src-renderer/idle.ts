// Kiosk hygiene: after `seconds` without any input the wizard is wiped, so the next person at a shared ward
// computer never sees someone else's username or half-finished reset (DESIGN.md: 90 s idle). The last
// `warnSeconds` are a visible, announced countdown that any key or touch ends (WCAG 2.2.1 Timing Adjustable:
// warned, and at least 20 s to extend with a simple action).
// Moving the mouse counts too: someone reading with the pointer in her hand is there.
const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'input', 'wheel', 'touchstart'] as const;

export type IdleWatch = {
  seconds: number;
  /** How long before the wipe the warning starts. */
  warnSeconds: number;
  /** Each second of the warning, with the whole seconds left. */
  onWarn: (secondsLeft: number) => void;
  /** Input during the warning: the session goes on. */
  onActive: () => void;
  onIdle: () => void;
  target?: EventTarget;
};

/** Calls `onIdle` once after `seconds` of no activity, warning first; returns a function that stops watching. */
export function watchIdle(o: IdleWatch): () => void {
  const target = o.target ?? window;
  const warnAfter = Math.max(0, o.seconds - o.warnSeconds) * 1000;
  let warnTimer: ReturnType<typeof setTimeout> | undefined;
  let tick: ReturnType<typeof setInterval> | undefined;
  let warning = false;

  const stop = () => {
    clearTimeout(warnTimer);
    clearInterval(tick);
  };
  const warn = () => {
    // Time-based, not a decrementing counter: throttled or skipped ticks cannot stretch the wait.
    const deadline = Date.now() + (o.seconds * 1000 - warnAfter);
    warning = true;
    const step = () => {
      const left = Math.ceil((deadline - Date.now()) / 1000);
      if (left > 0) return o.onWarn(left);
      stop();
      warning = false;
      o.onIdle();
    };
    step();
    tick = setInterval(step, 1000);
  };
  const arm = () => {
    stop();
    warnTimer = setTimeout(warn, warnAfter);
  };
  const activity = (event: Event) => {
    if (warning) {
      warning = false;
      // The key that ends the warning only ends it: it must not also type, submit or cancel.
      if (event.type === 'keydown') {
        event.preventDefault();
        event.stopPropagation();
      }
      o.onActive();
    }
    arm();
  };
  // Capture phase: a step that stops propagation still counts as activity.
  for (const type of ACTIVITY) target.addEventListener(type, activity, { capture: true, passive: type !== 'keydown' });
  arm();
  return () => {
    stop();
    for (const type of ACTIVITY) target.removeEventListener(type, activity, { capture: true });
  };
}
