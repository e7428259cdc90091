// The audit port: one event per step a person takes. The hash-chained JSONL file lives in src-main/audit/.
// Never a password, a code, a phone number or a birthdate: only who (normalised username), what, outcome.

// `unlock`: the lockout was cleared (an unlock session's last step, instead of `password`).
// `admin`: a servicedesk action on the admin listener (status, unblock, a refused token); `client` names the admin.
export type AuditStep = 'start' | 'identity' | 'code_sent' | 'code' | 'password' | 'unlock' | 'cancel' | 'admin';

/**
 * Whom a servicedesk action was about: the account the directory found (objectGUID and account name) and the
 * name the servicedesk typed, each where known. Only on `admin` events.
 */
export type AuditSubject = { account?: string; name?: string; typed?: string };

export type AuditEvent = {
  step: AuditStep;
  /** `ok` or an ErrorCode / internal reason such as `unknown_user` (the audit is for admins, not users). */
  outcome: string;
  /** Normalised username as typed; it may not exist in the directory. */
  user?: string;
  /** Kiosk id or client address. */
  client: string;
  /** A servicedesk action's reason, as the agent typed it (desk: one line, at most 200 characters). */
  reason?: string;
  subject?: AuditSubject;
};

export interface AuditSink {
  record(event: AuditEvent): Promise<void>;
}

export const noAudit: AuditSink = { record: async () => {} };
