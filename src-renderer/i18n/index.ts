// Picks the message set for a language; both sets satisfy the same Messages type.
import { LANGS, type Lang } from '../../src-main/core/contract.js';
import { en } from './en.js';
import { nl } from './nl.js';
import type { Messages } from './types.js';

export type { ErrorText, ErrorValues, Host, Messages, PageTitle } from './types.js';

const SETS: Record<Lang, Messages> = { nl, en };
/** The switch's order: the one language list (contract.ts), Dutch first. */
export const LANG_ORDER: readonly Lang[] = LANGS;
export const messagesFor = (lang: Lang): Messages => SETS[lang];
