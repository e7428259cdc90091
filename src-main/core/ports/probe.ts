// The readiness port: each adapter with a remote dependency offers one, read by `/readyz` and `doctor`.

/** Resolves when the dependency answers, rejects with the reason (for the admin, never the user). */
export type Probe = { name: string; check(): Promise<void> };
