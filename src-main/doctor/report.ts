// What `doctor` prints: one line per check, ✓ / ! / ✗, with what to do under every line that is not ✓.
// `!` is a warning that does not fail the run (e.g. no password history on reset: a DC limitation to know
// about, not a broken installation); any ✗ makes the exit code 1.

export type Status = 'ok' | 'warn' | 'fail';
export type Check = { status: Status; title: string; detail: string; fix?: string };

const MARK: Record<Status, string> = { ok: '✓', warn: '!', fail: '✗' };

export const ok = (title: string, detail: string): Check => ({ status: 'ok', title, detail });
export const warn = (title: string, detail: string, fix?: string): Check => ({
  status: 'warn',
  title,
  detail,
  ...(fix ? { fix } : {}),
});
export const failed = (title: string, detail: string, fix?: string): Check => ({
  status: 'fail',
  title,
  detail,
  ...(fix ? { fix } : {}),
});

export function formatCheck(c: Check): string {
  const line = `${MARK[c.status]} ${c.title}: ${c.detail}`;
  return c.fix ? `${line}\n    → ${c.fix}` : line;
}

export function summary(checks: readonly Check[]): { text: string; exitCode: number } {
  const fails = checks.filter((c) => c.status === 'fail').length;
  const warns = checks.filter((c) => c.status === 'warn').length;
  if (fails)
    return {
      text: `${fails} problem${fails > 1 ? 's' : ''} to fix${warns ? `, ${warns} warning${warns > 1 ? 's' : ''}` : ''}.`,
      exitCode: 1,
    };
  return {
    text: warns ? `Ready, with ${warns} warning${warns > 1 ? 's' : ''}.` : 'All checks passed: ready for use.',
    exitCode: 0,
  };
}

/** The message of anything thrown, on one line. */
export const reason = (e: unknown): string => (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ').trim();
