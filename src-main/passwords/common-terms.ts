// The breached-password list as prepared terms: @zxcvbn-ts/language-common's "passwords-common" normalised
// (core/banned.ts prepareTerm, 4 characters or more). Shared by the worker thread and the in-thread fallback.
import { prepareTerm } from '../core/banned.js';

export const MIN_COMMON_TERM = 4;

export async function loadCommonList(): Promise<string[]> {
  const { dictionary } = await import('@zxcvbn-ts/language-common');
  const list = dictionary['passwords-common'];
  if (!Array.isArray(list) || list.length < 10_000)
    throw new Error('@zxcvbn-ts/language-common: passwords-common is missing or too short');
  return list;
}

/** Distinct prepared terms of `list[from, to)`. */
export function prepareSlice(list: readonly string[], from = 0, to = list.length): string[] {
  const out = new Set<string>();
  for (let i = from; i < to && i < list.length; i++) {
    const term = prepareTerm(list[i]!, MIN_COMMON_TERM);
    if (term !== undefined) out.add(term);
  }
  return [...out];
}
