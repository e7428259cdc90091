// The audit port: one event per step a person takes. The hash-chained JSONL file lives in src-main/audit/.
// Never a password, a code, a phone number or a birthdate: only who (normalised username), what, outcome.
// Outcomes are a closed union (written to the file as these strings); what readers need beyond the outcome —
// which budget refused, why a text failed — travels as typed fields, so no reader parses an outcome string.
import type { ErrorCode } from '../contract.js';
import type { IdentityRefusal } from '../identity.js';
import type { BudgetKind } from '../throttle.js';
import type { ResetOutcome, UnlockOutcome } from './directory.js';
import type { SendFailure } from './sms.js';

// `unlock`: the lockout was cleared (an unlock session's last step, instead of `password`).
// `admin`: a servicedesk action on the admin listener (status, unblock, a refused token); `client` names the admin.
export type AuditStep = 'start' | 'identity' | 'code_sent' | 'code' | 'password' | 'unlock' | 'cancel' | 'admin';

/** The SMS budgets a code can meet, spacing first (core/code-sender.ts). */
export type SmsBudget = Extract<
  BudgetKind,
  'smsSpacingPerAccount' | 'smsPerUser' | 'smsPerAccount' | 'smsPerClient' | 'smsGlobal'
>;
/** Why a code was not sent: a spent budget, the spacing between texts, or the provider's answer. */
export type SmsRefusal =
  | `sms_limit_${Exclude<SmsBudget, 'smsSpacingPerAccount'>}`
  | 'resend_too_soon_smsSpacingPerAccount'
  | `failed_${SendFailure['reason']}`
  | 'session_expired';

export type AuditOutcome =
  | 'ok'
  | IdentityRefusal
  | `${IdentityRefusal}_same_date` // the same wrong date again (the servicedesk reads it as "her date is right")
  | SmsRefusal
  | `birthdate_ok_${SmsRefusal}` // the right birthdate met this person's spent SMS budget (an admin should know)
  | 'mobile_refused_by_provider'
  | `alert_lockout_burst_${'client' | 'account'}`
  | 'code_limit_codeChecksPerAccount'
  | Extract<ErrorCode, 'code_wrong'>
  | Exclude<ResetOutcome, { ok: true }>['reason']
  | Exclude<UnlockOutcome, { ok: true }>['reason']
  | 'status'
  | 'unblock'
  | 'unblock_nothing_blocked'
  | 'unauthorized' // the servicedesk's actions (admin/)
  | 'unauthorized_blocked'
  | `forbidden_${'status' | 'unblock' | 'metrics' | 'health'}` // refused on the admin listener (web/admin-guard.ts)
  | `desk_${string}`; // the servicedesk pages' actions (src-main/desk, web/desk-*.ts), named there

/**
 * Whom a servicedesk action was about: the account the directory found (objectGUID and account name) and the
 * name the servicedesk typed, each where known. Only on `admin` events.
 */
export type AuditSubject = { account?: string; name?: string; typed?: string };

export type AuditEvent = {
  step: AuditStep;
  /** `ok` or why not (the audit is for admins, not users). */
  outcome: AuditOutcome;
  /** Normalised username as typed; it may not exist in the directory. */
  user?: string;
  /** Kiosk id or client address. */
  client: string;
  /** The budget that refused this attempt, when one did (never written to the file: the outcome says it there). */
  budget?: BudgetKind;
  /** Why the provider did not send a code (`code_sent` only). */
  smsFailure?: SendFailure['reason'];
  /** A servicedesk action's reason, as the agent typed it (desk: one line, at most 200 characters). */
  reason?: string;
  subject?: AuditSubject;
};

export interface AuditSink {
  record(event: AuditEvent): Promise<void>;
}

export const noAudit: AuditSink = { record: async () => {} };
