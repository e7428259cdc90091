// Central mode's offline page: what the kiosk shows instead of a blank window when the reset service cannot be
// reached. Served by the app's own app://kiosk origin (offline.html + offline.css, nothing else in central mode),
// under the same CSP as everything else: no script, no inline style, no data: URL. The retry is a plain link to
// the central URL, so it works without JavaScript and navigation rules stay as they are (will-navigate allows the
// central origin only). Dutch first, then English; the words are the wizard's own (offline-text.ts) and the
// servicedesk comes from the kiosk settings.
import type { Servicedesk } from '../../core/contract.js';
import { APP_ORIGIN } from '../window/protocol.js';
import type { OfflineText, OfflineTexts } from './offline-text.js';

export const OFFLINE_URL = `${APP_ORIGIN}/offline.html`;

export type OfflineInfo = { retryUrl: string; servicedesk: Servicedesk; texts: OfflineTexts };

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The offline page URL with a short reason for the servicedesk (Chromium's error name or the HTTP status). */
export function offlineUrl(reason: string): string {
  return `${OFFLINE_URL}?reden=${encodeURIComponent(reason)}`;
}

/** Only a reason that looks like one of ours is shown (the query string is not a place to inject text). */
export function reasonFrom(url: string): string | undefined {
  const r = new URL(url).searchParams.get('reden');
  return r && /^[A-Za-z0-9_ ().:-]{1,60}$/.test(r) ? r : undefined;
}

function section(lang: 'nl' | 'en', t: OfflineText, o: OfflineInfo, reason: string | undefined): string {
  const sd = o.servicedesk;
  const h = lang === 'nl' ? 'h1' : 'h2';
  const hours = sd.hours ? `<li>${escape(t.hours)}: ${escape(sd.hours)}</li>` : '';
  const ref = reason
    ? `<p class="ref">${escape(t.reference[0])}<code>${escape(reason)}</code>${escape(t.reference[1])}</p>`
    : '';
  return `<section lang="${lang}">
<${h}>${escape(t.title)}</${h}>
${t.lines.map((l) => `<p>${escape(l)}</p>`).join('\n')}
<p class="retry"><a href="${escape(o.retryUrl)}">${escape(t.retry)}</a></p>
<p>${escape(t.intro)} <strong>${escape(sd.name)}</strong>:</p>
<ul><li>${escape(t.phone)} ${escape(sd.phone)}</li><li>${escape(t.email)} ${escape(sd.email)}</li>${hours}</ul>
${ref}
</section>`;
}

export function renderOfflinePage(o: OfflineInfo, reason: string | undefined): string {
  return `<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Wachtwoord vergeten</title><link rel="stylesheet" href="offline.css"></head>
<body><main>
${section('nl', o.texts.nl, o, reason)}
${section('en', o.texts.en, o, reason)}
</main></body>
</html>
`;
}

export const OFFLINE_CSS = `:root { color-scheme: light; font-family: 'Segoe UI', system-ui, sans-serif; color: #1a1a1a; background: #ffffff; }
body { margin: 0; display: flex; min-height: 100vh; align-items: center; justify-content: center; }
main { max-width: 44rem; padding: 2rem; font-size: 1.25rem; line-height: 1.5; }
h1, h2 { font-size: 1.75rem; margin: 0 0 0.5rem; }
section + section { margin-top: 2rem; padding-top: 1.5rem; border-top: 1px solid #c8c8c8; }
ul { margin: 0; padding-left: 1.25rem; }
.retry a { display: inline-block; padding: 0.75rem 1.5rem; border-radius: 0.375rem; background: #005a9c; color: #ffffff; text-decoration: none; font-weight: 600; }
.retry a:focus-visible { outline: 3px solid #1a1a1a; outline-offset: 3px; }
.ref { margin-top: 1rem; font-size: 1rem; color: #4a4a4a; }
`;
