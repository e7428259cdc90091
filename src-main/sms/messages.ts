// Fills the configured SMS templates ({organisation}, {code}, {minutes}, {servicedesk}) in the user's language.
import type { Lang, Purpose } from '../core/contract.js';
import type { SmsConfig } from '../config/sms.js';

export type MessageKind = keyof SmsConfig['templates'];

/** The text a code is sent with, per purpose of the session: another purpose is one entry here. */
export const CODE_TEXT = { reset: 'code', unlock: 'unlockCode' } as const satisfies Record<Purpose, MessageKind>;

export function renderMessage(
  templates: SmsConfig['templates'],
  kind: MessageKind,
  lang: Lang,
  values: { organisation: string; code?: string; minutes?: number; servicedesk?: string },
): string {
  return templates[kind][lang].replace(/\{(organisation|code|minutes|servicedesk)\}/g, (_, key: keyof typeof values) =>
    String(values[key] ?? ''),
  );
}

/** The servicedesk's number as an SMS writes it: "0485 – 845 900" → "0485 845 900" (an en dash is no GSM-7 character
 *  and would turn the whole text into UCS-2, 70 characters a segment: 3GPP TS 23.038). */
export const smsPhone = (phone: string): string => phone.replace(/\s*[\u2013\u2014-]\s*/g, ' ').trim();
