// The one place that turns the validated config into what each part runs with: the reset flow's options (and
// through them the wizard's info()), and the kiosk's timings. Defaults live in the schema, once; the rules that
// combine fields live here, once — hosts, the kiosk and the wizard take these values as they are.
import type { FlowOptions } from '../core/flow.js';
import { renderMessage, smsPhone } from '../sms/messages.js';
import type { KioskSettingsData } from '../settings/schema.js';
import type { Config } from './schema.js';

type Security = Pick<Config['security'], 'idleSeconds' | 'codeIdleSeconds' | 'codeTtlSeconds'>;

/**
 * Seconds without input before the wizard is wiped while it waits for a code: the nurse may be fetching her
 * phone, so never less than the code's validity (the default) and never less than the ordinary idle limit.
 */
export function codeIdleSeconds(s: Security): number {
  return Math.max(s.codeIdleSeconds ?? s.codeTtlSeconds, s.idleSeconds);
}

/** The kiosk's own clock: wipe after idleSeconds (codeIdleSeconds on the code step), log off doneSeconds after success. */
export type KioskTimings = { idleSeconds: number; codeIdleSeconds: number; doneSeconds: number };

export function kioskTimings(config: Pick<Config, 'security'>): KioskTimings {
  const s = config.security;
  return { idleSeconds: s.idleSeconds, codeIdleSeconds: codeIdleSeconds(s), doneSeconds: s.doneSeconds };
}

/** A central-mode kiosk has no core config: its timings are kiosk.json's (the service's values), same code-step rule. */
export function centralKioskTimings(
  s: Pick<KioskSettingsData, 'idleSeconds' | 'codeIdleSeconds' | 'doneSeconds'>,
): KioskTimings {
  return {
    idleSeconds: s.idleSeconds,
    codeIdleSeconds: codeIdleSeconds({ ...s, codeTtlSeconds: s.codeIdleSeconds }),
    doneSeconds: s.doneSeconds,
  };
}

/** Everything the core's reset flow needs from the config (info() hands the wizard its part of it). */
export function flowOptions(config: Config): FlowOptions {
  const s = config.security;
  return {
    organisation: config.organisation,
    servicedesk: config.servicedesk,
    applications: config.applications,
    defaultLang: config.language,
    demo: config.directory.type === 'demo',
    minLength: config.password.minLength,
    mustChangeAtNextLogon: config.password.mustChangeAtNextLogon,
    codeTtlSeconds: s.codeTtlSeconds,
    resendAfterSeconds: s.resendAfterSeconds,
    sessionTtlSeconds: s.sessionTtlSeconds,
    ...kioskTimings(config),
    identityFloorMs: s.identityFloorMs,
    mobileRegistration: config.mobileRegistration,
    channelName: config.sms.channelName,
    changedNotice: (lang) =>
      renderMessage(config.sms.templates, 'changed', lang, {
        organisation: config.organisation,
        servicedesk: smsPhone(config.servicedesk.phone),
      }),
    unlockedNotice: (lang) =>
      renderMessage(config.sms.templates, 'unlocked', lang, {
        organisation: config.organisation,
        servicedesk: smsPhone(config.servicedesk.phone),
      }),
  };
}
