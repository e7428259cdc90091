// Central mode's offline page: what the kiosk shows instead of a blank window when the reset service cannot be
// reached. Served by the app's own app://kiosk origin (offline.html + offline.css, nothing else in central mode),
// under the same CSP as everything else: no script, no inline style, no data: URL. The retry is a plain link to
// the central URL, so it works without JavaScript and navigation rules stay as they are (will-navigate allows the
// central origin only). Dutch first, then English; the wording is the wizard's own "unavailable" message
// (test/unit/electron/central/offline.test.ts keeps them equal) and the servicedesk comes from the kiosk settings.
import type { Servicedesk } from '../../core/contract.js';
import { APP_ORIGIN } from '../window/protocol.js';

export const OFFLINE_URL = `${APP_ORIGIN}/offline.html`;

export type OfflineInfo = { retryUrl: string; servicedesk: Servicedesk };

export const OFFLINE_TEXT = {
  nl: {
    title: 'De wachtwoordservice is nu niet bereikbaar.',
    body: 'Deze computer kan de service voor Wachtwoord vergeten op dit moment niet bereiken. Er is niets gewijzigd. Probeer het over een paar minuten opnieuw.',
    intro: 'Voor vragen kun je tijdens kantooruren contact opnemen met',
    phone: 'Tel.',
    email: 'E-mail',
    hours: 'Bereikbaar',
    retry: 'Opnieuw proberen',
    reference: 'Foutcode voor de servicedesk',
  },
  en: {
    title: 'The password service cannot be reached right now.',
    body: 'This computer cannot reach the Forgot password service at the moment. Nothing was changed. Try again in a few minutes.',
    intro: 'Questions? During office hours, contact',
    phone: 'Phone',
    email: 'Email',
    hours: 'Available',
    retry: 'Try again',
    reference: 'Error code for the service desk',
  },
} as const;

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

function section(lang: 'nl' | 'en', o: OfflineInfo): string {
  const t = OFFLINE_TEXT[lang];
  const sd = o.servicedesk;
  const hours = sd.hours ? `<li>${t.hours}: ${escape(sd.hours)}</li>` : '';
  return `<section lang="${lang}">
<h${lang === 'nl' ? 1 : 2}>${t.title}</h${lang === 'nl' ? 1 : 2}>
<p>${t.body}</p>
<p class="retry"><a href="${escape(o.retryUrl)}">${t.retry}</a></p>
<p>${t.intro} <strong>${escape(sd.name)}</strong>:</p>
<ul><li>${t.phone} ${escape(sd.phone)}</li><li>${t.email} ${escape(sd.email)}</li>${hours}</ul>
</section>`;
}

export function renderOfflinePage(o: OfflineInfo, reason: string | undefined): string {
  const ref = reason ? `<p class="ref">${OFFLINE_TEXT.nl.reference} / ${OFFLINE_TEXT.en.reference}: <code>${escape(reason)}</code></p>` : '';
  return `<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Wachtwoord vergeten</title><link rel="stylesheet" href="offline.css"></head>
<body><main>
${section('nl', o)}
${section('en', o)}
${ref}
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
.ref { margin-top: 2rem; font-size: 1rem; color: #4a4a4a; }
`;
