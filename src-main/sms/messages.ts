// Fills the configured SMS templates ({organisation}, {code}, {minutes}) in the user's language.
import type { Lang } from '../core/contract.js';
import type { SmsConfig } from '../config/sms.js';

export type MessageKind = keyof SmsConfig['templates'];

export function renderMessage(
  templates: SmsConfig['templates'],
  kind: MessageKind,
  lang: Lang,
  values: { organisation: string; code?: string; minutes?: number },
): string {
  return templates[kind][lang].replace(/\{(organisation|code|minutes)\}/g, (_, key: keyof typeof values) => String(values[key] ?? ''));
}
