// The offline page's words come from the wizard's own message sets (src-renderer/i18n): its "unavailable" error,
// its retry button and its servicedesk footer — no third text set. Main is compiled without the renderer, so the
// renderer build (vite.config.ts) writes them into dist/renderer/offline-text.json with offlineTextsFrom, and
// main reads that file at start (loadOfflineTexts); the kiosk ships dist/renderer in either mode.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One language's words on the offline page. `reference` is the wizard's "Referentie: {id}" split around the id. */
export type OfflineText = {
  title: string;
  lines: string[];
  retry: string;
  intro: string;
  phone: string;
  email: string;
  hours: string;
  reference: [string, string];
};
export type OfflineTexts = { nl: OfflineText; en: OfflineText };

/** What the page needs from a wizard message set (src-renderer/i18n/types.ts Messages), by shape only. */
export type WizardTexts = {
  retry: string;
  errors: { unavailable(v: { host: 'kiosk'; channel: string; phone: string }): { title: string; lines: string[] } };
  servicedesk: { intro: string; phone: string; email: string; hours: string; reference(id: string): string };
};

export const OFFLINE_TEXT_FILE = 'offline-text.json';
const ID = '\u0000id\u0000';

export function offlineTextFrom(m: WizardTexts): OfflineText {
  // No number in the lines: the page lists the servicedesk (from the kiosk settings) right below them.
  const { title, lines } = m.errors.unavailable({ host: 'kiosk', channel: '', phone: '' });
  const sd = m.servicedesk;
  const [before = '', after = ''] = sd.reference(ID).split(ID);
  return {
    title,
    lines,
    retry: m.retry,
    intro: sd.intro,
    phone: sd.phone,
    email: sd.email,
    hours: sd.hours,
    reference: [before, after],
  };
}

export const offlineTextsFrom = (sets: { nl: WizardTexts; en: WizardTexts }): OfflineTexts => ({
  nl: offlineTextFrom(sets.nl),
  en: offlineTextFrom(sets.en),
});

const KEYS = ['title', 'retry', 'intro', 'phone', 'email', 'hours'] as const;
const isText = (t: unknown): t is OfflineText => {
  if (!t || typeof t !== 'object') return false;
  const o = t as Record<string, unknown>;
  const strings = (v: unknown, n?: number) =>
    Array.isArray(v) && (n === undefined || v.length === n) && v.every((s) => typeof s === 'string');
  return KEYS.every((k) => typeof o[k] === 'string' && o[k] !== '') && strings(o.lines) && strings(o.reference, 2);
};

/** The texts the renderer build wrote; a missing or malformed file is a broken build: the kiosk does not start. */
export function loadOfflineTexts(
  rendererDir: string,
  read: (p: string) => string = (p) => readFileSync(p, 'utf8'),
): OfflineTexts {
  const file = join(rendererDir, OFFLINE_TEXT_FILE);
  const raw = JSON.parse(read(file)) as Partial<Record<'nl' | 'en', unknown>>;
  if (!isText(raw.nl) || !isText(raw.en))
    throw new Error(`${file} is not the renderer build's offline text (run npm run build)`);
  return { nl: raw.nl, en: raw.en };
}
