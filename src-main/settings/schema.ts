// Kiosk settings: how this PC's kiosk runs (mode, central service, idle, logoff). Separate from the core
// config (config/schema.ts), which says how a reset works; in local mode the kiosk also loads a core config.
// One zod schema with every default; an empty object is a complete local demo kiosk.
import { z } from 'zod';
import { servicedeskSchema } from '../config/schema.js';
import { LANGS } from '../core/contract.js';

const https = z
  .string()
  .url()
  .refine(
    (u) => new URL(u).protocol === 'https:',
    'must be an https:// URL (the kiosk pins the CA; plain http is refused)',
  );

export const KIOSK_MODES = ['local', 'central'] as const;

export const kioskSettingsSchema = z
  .object({
    /** local: main runs the core against AD/SMS itself. central: the window shows the wizard of a reset service. */
    mode: z.enum(KIOSK_MODES).default('local'),
    /** central: the reset service's wizard URL; the window may navigate only within its origin. */
    centralUrl: https.optional(),
    /** central: PEM file of the CA that issued the reset service's certificate; nothing else is trusted. */
    caFile: z.string().min(1).optional(),
    /** local: core config file (the `serve` format); absent → the embedded demo directory and SMS outbox. */
    configFile: z.string().min(1).optional(),
    /** Names this kiosk in throttles and the audit trail; default: the computer name. */
    kioskId: z
      .string()
      .regex(/^[A-Za-z0-9._-]{1,64}$/)
      .optional(),
    /** Seconds without keyboard, mouse or touch input before everything is wiped (default 90 s, docs/windows-kiosk.md). */
    idleSeconds: z.number().int().min(15).max(600).default(90),
    /**
     * Central mode: the idle limit while the wizard waits for a code (the central service's security.codeIdleSeconds,
     * or its codeTtlSeconds when that is not set; at least idleSeconds). Local mode takes the core config's.
     */
    codeIdleSeconds: z.number().int().min(15).max(1800).default(300),
    /** Seconds the success screen stays before the wipe (and logoff), so the nurse can read the list. */
    doneSeconds: z.number().int().min(5).max(120).default(20),
    /** Local mode: overrides the core config's language. */
    language: z.enum(LANGS).default('nl'),
    branding: z
      .object({
        title: z.string().min(1).max(60).default('Wachtwoord vergeten'),
        /** Shown before the wizard paints, so a slow start is not a white flash on a dark logon screen. */
        backgroundColor: z
          .string()
          .regex(/^#[0-9a-fA-F]{6}$/)
          .default('#ffffff'),
      })
      .strict()
      .default({ title: 'Wachtwoord vergeten', backgroundColor: '#ffffff' }),
    /** Central mode's offline page names them (the core config's servicedesk serves the wizard itself). */
    servicedesk: servicedeskSchema,
    /** Logon-screen setup: log the Windows session off after idle, after the wizard ends and when the kiosk exits. */
    logoffOnExit: z.boolean().default(false),
    /** ...but only when running as this local account, so an admin trying the kiosk is never logged off. */
    kioskAccount: z.string().min(1).max(20).default('Wachtwoord vergeten'),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.mode !== 'central') return;
    if (!s.centralUrl) ctx.addIssue({ code: 'custom', path: ['centralUrl'], message: 'required in central mode' });
    if (!s.caFile)
      ctx.addIssue({ code: 'custom', path: ['caFile'], message: 'required in central mode (the pinned CA)' });
  });

export type KioskSettingsData = z.infer<typeof kioskSettingsSchema>;

export class SettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SettingsError';
  }
}

/** Validates raw settings; the error lists every wrong field as `path: reason`, like the core config. */
export function parseSettings(raw: unknown, source = 'kiosk settings'): KioskSettingsData {
  const result = kioskSettingsSchema.safeParse(raw ?? {});
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new SettingsError(`${source} are not valid:\n${lines.join('\n')}`);
}
