// Config section `admin`: the servicedesk's listener (src-main/web/admin-server.ts), off unless enabled. It binds
// to loopback unless `allowNonLoopback` says otherwise, on its own port, and only answers a bearer token whose
// value lives in an environment variable (or `<VAR>_FILE`), never in this file.
import { isIP } from 'node:net';
import { z } from 'zod';

export const DEFAULT_ADMIN_TOKEN_ENV = 'RESET_KIOSK_ADMIN_TOKEN';

/**
 * What a token may do: `metrics` (GET /metrics), `health` (GET /admin/health), `status` (GET /admin/status: a
 * person's budgets, whether the account exists and has a birthdate and a mobile on file) and `unblock`.
 * A token lists its scopes; without a list it gets the least, `health`. Prometheus needs `metrics` only.
 */
export const ADMIN_SCOPES = ['metrics', 'health', 'status', 'unblock'] as const;
export type AdminScope = (typeof ADMIN_SCOPES)[number];

const envName = z
  .string()
  .regex(/^[A-Z_][A-Z0-9_]*$/, 'an environment variable name (A-Z, 0-9, _), not the token itself');

/** 127.0.0.0/8, ::1 and `localhost`: reachable from this machine only. */
export function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1' || host === '[::1]';
}

export const adminSchema = z
  .object({
    enabled: z.boolean().default(false),
    host: z.string().min(1).default('127.0.0.1'),
    port: z.number().int().min(0).max(65535).default(8081),
    /** Must be true to listen on anything but loopback (then put TLS in front, or set `tls`). */
    allowNonLoopback: z.boolean().default(false),
    /** PEM files for HTTPS on the admin listener itself. */
    tls: z
      .object({ certFile: z.string().min(1), keyFile: z.string().min(1) })
      .strict()
      .optional(),
    /** Who may call it: each token (≥ 32 characters, from `tokenEnv`) is audited under its `label`, and may do its `scopes`. */
    tokens: z
      .array(
        z
          .object({
            label: z.string().regex(/^[\w.-]{1,40}$/, 'letters, digits, . _ - (max 40)'),
            tokenEnv: envName,
            scopes: z.array(z.enum(ADMIN_SCOPES)).min(1).default(['health']),
          })
          .strict(),
      )
      .min(1)
      .max(50)
      .default([{ label: 'servicedesk', tokenEnv: DEFAULT_ADMIN_TOKEN_ENV, scopes: ['status', 'unblock', 'health'] }])
      .refine((t) => new Set(t.map((x) => x.label)).size === t.length, 'labels must be unique'),
    /** Requests per token (its label): a leaked or runaway token cannot hammer the directory. */
    rateLimit: z
      .object({
        points: z.number().int().min(1).max(10_000).default(60),
        durationSeconds: z.number().int().min(1).max(3600).default(60),
      })
      .strict()
      .prefault({}),
    /**
     * Wrong tokens per client (address, IPv6 /64, behind server.trustProxy the real client) before it is refused
     * for the rest of the window. A right token always passes: a flood of bad ones cannot lock the servicedesk out.
     */
    failureLimit: z
      .object({
        points: z.number().int().min(1).max(10_000).default(20),
        durationSeconds: z.number().int().min(1).max(86_400).default(600),
      })
      .strict()
      .prefault({}),
    /** Open connections at most, and per client (web/conn-limit.ts). */
    maxConnections: z.number().int().min(5).max(10_000).default(100),
    maxConnectionsPerClient: z.number().int().min(1).max(10_000).default(20),
    /** How many of a person's latest audit events `status` shows. */
    recentEvents: z.number().int().min(0).max(200).default(20),
  })
  .strict()
  .superRefine((a, ctx) => {
    if (a.enabled && !a.allowNonLoopback && !isLoopback(a.host)) {
      ctx.addIssue({
        code: 'custom',
        path: ['host'],
        message: `${a.host} is not a loopback address: the admin listener stays on this machine unless allowNonLoopback is true`,
      });
    }
  });
export type AdminConfig = z.infer<typeof adminSchema>;
