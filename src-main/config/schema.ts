// The one config schema: every option with its default. An empty object is the complete demo config.
// Secrets never live here: adapters name the environment variable or file that holds them.
import { z } from 'zod';
import { LANGS } from '../core/contract.js';
import { DEFAULT_LIMITS, LIMIT_KINDS, type LimitKind } from '../core/throttle.js';
import { adminSchema } from './admin.js';
import { auditSchema } from './audit.js';
import { deskSchema } from './desk.js';
import { directorySchema } from './directory.js';
import { passwordSchema } from './password.js';
import { smsSchema } from './sms.js';
import { serverFields } from './server.js';
import { storeSchema } from './store.js';

// The 15 applications of the staff manual ("Je nieuwe wachtwoord geldt tevens voor ...").
export const SEED_APPLICATIONS = [
  'Accountinstellingen smartphone/tablet',
  'E-mail Spam beheer',
  'Computer inlog',
  'Infoland',
  'Harmony Client',
  'Lucanet',
  'BeterDichtbij',
  'MiCollab',
  'Pantein.NU',
  'Pantein Desktop inlog',
  'Pantein Webmail',
  'Topdesk',
  'Vidavi RTC en Classic',
  'iSearch app',
  'Visma',
];

// The manual's intro: "Open de app of het webportaal - Kies 'Mijn gegevens' - Vul je mobiele nummer in bij
// 'Zakelijk mobiel'" (the Talent & Salaris app). After the first → come the app's own labels, kept in Dutch.
export const SEED_MOBILE_REGISTRATION = {
  nl: 'in de Talent & Salaris app of het webportaal → Mijn gegevens → Zakelijk mobiel',
  en: 'in the Talent & Salaris app or web portal → Mijn gegevens → Zakelijk mobiel',
};

const limit = (max: number, minDuration: number) =>
  z
    .object({
      points: z.number().int().min(1).max(max),
      durationSeconds: z
        .number()
        .int()
        .min(minDuration)
        .max(7 * 86400),
    })
    .strict();
// Upper bounds keep an admin from configuring unlimited guessing; lower bounds are never less safe.
// A per-user window shorter than an hour would turn "5 a day" into "5 a minute".
const LIMIT_MIN_DURATION: Record<LimitKind, number> = {
  identityPerUser: 3600,
  identityPerClient: 60,
  startsPerClient: 60,
  smsPerUser: 3600,
  smsPerClient: 60,
  smsGlobal: 3600,
  codeChecks: 60,
  passwordChecks: 600,
};
const LIMIT_MAX: Record<LimitKind, number> = {
  identityPerUser: 10,
  identityPerClient: 1000,
  startsPerClient: 10_000,
  smsPerUser: 10,
  smsPerClient: 1000,
  smsGlobal: 1_000_000,
  codeChecks: 5,
  passwordChecks: 30,
};
const limitsSchema = z
  .object(
    Object.fromEntries(
      LIMIT_KINDS.map((k) => [k, limit(LIMIT_MAX[k], LIMIT_MIN_DURATION[k]).default(DEFAULT_LIMITS[k])]),
    ) as {
      [K in LimitKind]: z.ZodDefault<ReturnType<typeof limit>>;
    },
  )
  .strict();

/** Who staff call for help (the manual's servicedesk); shared with the kiosk settings (its offline page). */
export const servicedeskSchema = z
  .object({
    name: z.string().min(1).default('Servicedesk ICT'),
    phone: z.string().min(1).default('0485 – 845 900'),
    email: z.string().email().default('servicedesk@pantein.nl'),
    /** When it is open, as the wizard shows it once in the footer ("ma–vr 8.00–17.00"). */
    hours: z.string().optional(),
    /** Who helps outside those hours (the ward's night manager, a 24/7 line), per language; shown under the hours. */
    outOfHours: z
      .object({ nl: z.string().min(1).max(200), en: z.string().min(1).max(200) })
      .strict()
      .optional(),
  })
  .strict()
  .prefault({});

export const configSchema = z
  .object({
    organisation: z.string().min(1).max(40).default('Pantein'),
    servicedesk: servicedeskSchema,
    /**
     * Where staff register their mobile number; the wizard names it when the identity check fails (the manual's
     * intro). The steps after the first → are the app's own (Dutch) labels: the English page marks them lang="nl".
     */
    mobileRegistration: z
      .object({ nl: z.string().min(1).max(200), en: z.string().min(1).max(200) })
      .strict()
      .default(SEED_MOBILE_REGISTRATION),
    /** Shown on the success screen: where the new password also applies. */
    applications: z.array(z.string().min(1)).default(SEED_APPLICATIONS),
    language: z.enum(LANGS).default('nl'),
    password: passwordSchema.prefault({}),
    security: z
      .object({
        codeTtlSeconds: z.number().int().min(1).max(600).default(300),
        resendAfterSeconds: z.number().int().min(1).max(300).default(30),
        sessionTtlSeconds: z.number().int().min(60).max(1800).default(600),
        idleSeconds: z.number().int().min(15).max(600).default(90),
        /** Idle limit on the code step, while the nurse fetches her phone: at least codeTtlSeconds (its default). */
        codeIdleSeconds: z.number().int().min(15).max(1800).optional(),
        /** The success screen returns to the start (the kiosk: logs off) after this long; the kiosk's setting wins there. */
        doneSeconds: z.number().int().min(5).max(120).default(20),
        /** Every birthdate answer takes at least this long, so known and unknown users look alike (OWASP). */
        identityFloorMs: z.number().int().min(0).max(5000).default(400),
        limits: limitsSchema.default(DEFAULT_LIMITS),
      })
      .strict()
      .prefault({}), // the fields' own defaults, stated once above
    directory: directorySchema.default({ type: 'demo' }),
    sms: smsSchema.default(smsSchema.parse({})),
    audit: auditSchema.default({}),
    store: storeSchema.default({ type: 'memory' }),
    /** The servicedesk's listener: status, unblock, health, /metrics (config/admin.ts). Off by default. */
    admin: adminSchema.prefault({}),
    /** The servicedesk's pages on the admin listener: agents sign in with their own account (config/desk.ts). */
    desk: deskSchema.prefault({}),
    server: z.object(serverFields).strict().prefault({}),
  })
  .strict()
  .superRefine((c, ctx) => {
    const p = c.sms.provider;
    if (p.type === 'outbox' && c.directory.type !== 'demo' && !p.allowRealDirectory) {
      ctx.addIssue({
        code: 'custom',
        path: ['sms', 'provider'],
        message:
          'the demo SMS outbox writes codes to a file; with a real directory configure twilio-messaging or twilio-verify (or, in a test lab only, set allowRealDirectory: true)',
      });
    }
    if (c.desk.enabled && !c.admin.enabled)
      ctx.addIssue({
        code: 'custom',
        path: ['desk', 'enabled'],
        message: 'the servicedesk pages live on the admin listener: set admin.enabled too',
      });
    if (c.desk.enabled && c.directory.type === 'ad' && !c.desk.groups)
      ctx.addIssue({
        code: 'custom',
        path: ['desk', 'groups'],
        message: 'name the servicedesk and auditor groups (their distinguished names)',
      });
    const t = c.server.timeouts;
    if (t.headersSeconds > t.requestSeconds) {
      ctx.addIssue({
        code: 'custom',
        path: ['server', 'timeouts', 'headersSeconds'],
        message: `must be at most requestSeconds (${t.requestSeconds}): the headers are part of the request`,
      });
    }
    // An answer may wait for the directory and the SMS provider; a connection idle that long must not be cut.
    const slowestMs =
      (c.directory.type === 'ad' ? c.directory.timeouts.operationMs : 0) + ('timeoutMs' in p ? p.timeoutMs : 0);
    if (t.idleSeconds * 1000 <= slowestMs) {
      ctx.addIssue({
        code: 'custom',
        path: ['server', 'timeouts', 'idleSeconds'],
        message: `must be more than directory.timeouts.operationMs + sms.provider.timeoutMs (${slowestMs} ms), or slow answers would be cut off`,
      });
    }
    if (c.security.limits.passwordChecks.durationSeconds < c.security.sessionTtlSeconds) {
      ctx.addIssue({
        code: 'custom',
        path: ['security', 'limits', 'passwordChecks', 'durationSeconds'],
        message: `must be at least security.sessionTtlSeconds (${c.security.sessionTtlSeconds}), or a session would get fresh password checks`,
      });
    }
    if (c.security.limits.codeChecks.durationSeconds < c.security.codeTtlSeconds) {
      ctx.addIssue({
        code: 'custom',
        path: ['security', 'limits', 'codeChecks', 'durationSeconds'],
        message: `must be at least security.codeTtlSeconds (${c.security.codeTtlSeconds}), or a code would get fresh tries while it is still valid`,
      });
    }
    if (c.security.codeIdleSeconds !== undefined && c.security.codeIdleSeconds < c.security.codeTtlSeconds) {
      ctx.addIssue({
        code: 'custom',
        path: ['security', 'codeIdleSeconds'],
        message: `must be at least security.codeTtlSeconds (${c.security.codeTtlSeconds}): the screen must not be wiped while the code the nurse is fetching is still valid`,
      });
    }
  });

export type Config = z.infer<typeof configSchema>;
