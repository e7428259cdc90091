export const ROOT: string;
/** The loud banner for a run without an Electron binary. */
export function notRunBanner(reason: string): string;
/** The Electron binary `npm start` would use, or why there is none (the build must exist). */
export function findElectron(
  env?: NodeJS.ProcessEnv,
): Promise<{ ok: true; path: string } | { ok: false; reason: string }>;
