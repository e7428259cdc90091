// Config section `desk`: the servicedesk's pages on the admin listener (src-main/desk), off unless enabled.
// Agents sign in with their own directory account; membership of a group (nested groups count) decides the role.
// No password lives here or anywhere else: the directory's bind is the check (docs/servicedesk.md).
import { z } from 'zod';

const dn = z.string().min(3).max(1024).regex(/=/, 'a distinguished name (CN=…,DC=…)');
const limit = (maxPoints: number, minSeconds: number, dflt: { points: number; durationSeconds: number }) =>
  z
    .object({
      points: z.number().int().min(1).max(maxPoints),
      durationSeconds: z
        .number()
        .int()
        .min(minSeconds)
        .max(7 * 86400),
    })
    .strict()
    .default(dflt);

export const deskSchema = z
  .object({
    /** Serve /desk on the admin listener (admin.enabled must be true too). */
    enabled: z.boolean().default(false),
    /** AD: the groups whose (nested) members are agents; the demo directory has its own demo agents. */
    groups: z.object({ servicedesk: dn, auditor: dn }).strict().optional(),
    /** Where agents' accounts are searched (AD); default the domain of the servicedesk group. */
    agentBaseDn: dn.optional(),
    /** OWASP Session Management Cheat Sheet: idle and absolute timeouts. */
    idleSeconds: z.number().int().min(60).max(3600).default(900),
    absoluteSeconds: z
      .number()
      .int()
      .min(600)
      .max(12 * 3600)
      .default(8 * 3600),
    /**
     * Failed sign-ins per typed agent name and per source address. Each costs the agent a bad-password count in
     * AD: keep twice `points` below the domain's lockout threshold (fixed windows can meet at a boundary), so
     * the page never locks an agent out (default 3 per 30 min, AD's default observation window).
     */
    signInPerAccount: limit(20, 60, { points: 3, durationSeconds: 1800 }),
    signInPerSource: limit(200, 60, { points: 20, durationSeconds: 900 }),
    /** Every refused sign-in answers no sooner than this, so its time does not tell why it was refused. */
    signInFloorMs: z.number().int().min(0).max(5000).default(500),
    /** Codes an agent may send to one person to verify a caller. */
    verifyPerPerson: limit(10, 3600, { points: 3, durationSeconds: 86400 }),
    /** How long the caller's code may be read back. */
    verifyCodeSeconds: z.number().int().min(60).max(900).default(300),
    /** The price of one SMS, for the usage page's cost estimate (0: no estimate). */
    smsPrice: z.number().min(0).max(10).default(0),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .default('EUR'),
  })
  .strict();
export type DeskConfig = z.infer<typeof deskSchema>;
