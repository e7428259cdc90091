// What a host says about itself at start (the `serve` banner, the kiosk's log): which directory, rules, SMS, store
// and audit trail it runs with, and WARNING lines for settings that weaken it (app.ts logs those as warnings).
import type { Config } from './config/schema.js';

export type StartupParts = {
  enforcesHistory: boolean;
  passwords: string;
  sms: string;
  store: string;
  audit: { file: string; host: string } | undefined;
};

export function startupLines(config: Config, parts: StartupParts): string[] {
  const syslog = config.audit.syslog;
  const floor = config.security.identityFloorMs;
  return [
    config.directory.type === 'demo'
      ? 'directory: embedded demo (resources/demo-directory.json)'
      : `directory: ${config.directory.type}`,
    ...(parts.enforcesHistory
      ? []
      : [
          'WARNING: the directory does not enforce password history on reset (no LDAP policy hints); the wizard shows the history rule as not checked',
        ]),
    parts.passwords,
    parts.sms,
    parts.store,
    parts.audit
      ? `audit trail: ${parts.audit.file} (host ${parts.audit.host}; check with audit:verify)`
      : 'audit trail: off (set audit.file)',
    ...(syslog
      ? [
          `audit events to the SIEM: syslog ${syslog.tls ? 'over TLS' : 'over plain TCP'} to ${syslog.host}:${syslog.port}`,
        ]
      : []),
    // Allowed for tests and benchmarks; in production a low floor lets response times tell accounts apart.
    ...(config.directory.type !== 'demo' && floor < 200
      ? [
          `WARNING: security.identityFloorMs is ${floor} ms: answers to the birthdate step may reveal which accounts exist (use ≥ 200, default 400)`,
        ]
      : []),
  ];
}
