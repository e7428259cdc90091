// An audit event as one RFC 5424 syslog message, framed for TCP by octet counting (RFC 6587 3.4.1, as RFC 5425
// requires for TLS): `<len> <PRI>1 TIMESTAMP HOST APP PROCID MSGID [audit@PEN k="v" …] MSG`. The structured data
// carries the same fields as the audit line (seq and hash included, so the SIEM can tie it to the file) and
// never more: no password, code, phone number or birthdate ever reaches an audit event (core/audit.ts).
import { escapeControls } from '../safe-text.js';
import type { RecordedEvent } from './tee.js';

const APP = 'reset-kiosk';
// RFC 5424 6.2.1 severities.
const SEVERITY = { warning: 4, notice: 5, info: 6 } as const;
/** Outcomes a security officer wants raised: blocks, spent budgets, refused admin tokens and scopes. */
const WARN = /^(blocked|sms_limit|unauthorized|forbidden|mobile_refused)/;

export function severityOf(outcome: string): number {
  if (outcome === 'ok') return SEVERITY.info;
  return WARN.test(outcome) ? SEVERITY.warning : SEVERITY.notice;
}

/** HOSTNAME, APP-NAME, MSGID: printable US-ASCII without spaces, bounded (RFC 5424 6.2.4–6.2.7); `-` when empty. */
const token = (value: string, max: number): string => value.replace(/[^\x21-\x7e]/g, '_').slice(0, max) || '-';
/**
 * PARAM-VALUE: controls and bidi overrides shown as `\u{…}` (safe-text.ts, so no value can rewrite a SIEM
 * console), then `"`, `\` and `]` escaped with a backslash (RFC 5424 6.3.3).
 */
const param = (value: string): string => escapeControls(value).replace(/["\\\]]/g, (c) => `\\${c}`);

export function formatSyslog(e: RecordedEvent, opts: { facility: number; enterpriseId: number; pid?: number }): string {
  const pri = opts.facility * 8 + severityOf(e.outcome);
  const fields: [string, string | number | null | undefined][] = [
    ['seq', e.seq],
    ['step', e.step],
    ['outcome', e.outcome],
    ['user', e.user],
    ['client', e.client],
    ['reason', e.reason],
    ['subjectAccount', e.subject?.account],
    ['subjectName', e.subject?.name],
    ['subjectTyped', e.subject?.typed],
    ['hash', e.hash],
  ];
  const sd = fields
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => `${k}="${param(String(v))}"`)
    .join(' ');
  const header = `<${pri}>1 ${e.ts} ${token(e.host, 255)} ${APP} ${opts.pid ?? process.pid} ${token(e.step, 32)}`;
  // MSG in ASCII (no BOM needed, RFC 5424 6.4): the readable summary; the values are in the structured data.
  return `${header} [audit@${opts.enterpriseId} ${sd}] ${token(e.step, 32)} ${token(e.outcome, 64)}`;
}

/** RFC 6587 octet counting: the frame's length in bytes, a space, the message. */
export const frame = (message: string): Buffer => {
  const body = Buffer.from(message, 'utf8');
  return Buffer.concat([Buffer.from(`${body.length} `), body]);
};
