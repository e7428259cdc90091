// The servicedesk page's words, Dutch first (je-form, the manual's words), then English. Budget kinds and audit
// steps in plain words; advice for the agent as the README's "what to say to a nurse who calls".
import type { Person } from './api.js';

const nl = {
  title: 'Servicedesk',
  product: 'Wachtwoord vergeten',
  langSwitch: 'English',
  /** The language the switch goes to. */
  other: 'en' as 'nl' | 'en',
  signIn: { heading: 'Aanmelden', intro: 'Meld je aan met je eigen account.', username: 'Gebruikersnaam', password: 'Wachtwoord', submit: 'Aanmelden' },
  signOut: 'Afmelden',
  nav: { label: 'Onderdelen', person: 'Persoon zoeken', usage: 'Gebruik', audit: 'Audit' },
  roles: { servicedesk: 'servicedesk', auditor: 'alleen lezen' },
  search: { heading: 'Persoon zoeken', label: 'Gebruikersnaam van de beller', hint: 'Elke schrijfwijze werkt: A.Janssen, a.janssen@…, DOMEIN\\a.janssen.', submit: 'Zoeken' },
  state: {
    heading: 'Situatie', exists: 'Account', enabled: 'Ingeschakeld', locked: 'Op slot in AD', birthdate: 'Geboortedatum bekend', mobile: 'Mobiel nummer bekend',
    yes: 'ja', no: 'nee', unknown: 'onbekend', notFound: 'bestaat niet', found: 'bestaat', unavailable: 'AD antwoordt niet',
    endsOn: (d: string) => `ja, eindigt op ${d}`, blocked: 'Geblokkeerd', verified: 'Beller geverifieerd',
  },
  budgets: { heading: 'Pogingen', what: 'Waarvoor', used: 'Gebruikt', until: 'Weer vrij', by: 'Vanaf (laatste 7 dagen)', none: 'Niets gebruikt.', free: '—' },
  kinds: {
    identityPerUser: 'geboortedatum (getypte naam)', identityPerAccount: 'geboortedatum (account)', smsPerUser: 'sms-codes (getypte naam)', smsPerAccount: 'sms-codes (account)',
    codeChecksPerAccount: 'codes ingevoerd (account)', smsSpacingPerAccount: 'wachttijd tussen sms’jes',
  } as Record<string, string>,
  advice: {
    heading: 'Advies',
    notFound: 'Dit account bestaat niet. Vraag de beller haar gebruikersnaam te spellen, of zoek op haar e-mailadres.',
    unavailable: 'De domeincontroller antwoordt nu niet. Probeer het over een paar minuten opnieuw.',
    disabled: 'Dit account is uitgeschakeld. Wachtwoord vergeten werkt dan niet; verwijs naar de leidinggevende of HR.',
    noMobile: 'Er staat geen bruikbaar mobiel nummer bij dit account. Zeg: “Zet je zakelijk mobiele nummer in de Talent & Salaris app, bij Mijn gegevens.”',
    noBirthdate: 'Er staat geen geboortedatum bij dit account. Dat regelt HR; tot dan kan de beller het niet zelf.',
    blocked: 'De beller heeft te vaak geprobeerd. Kijk bij de laatste gebeurtenissen of de pogingen van haar afdeling en op de tijden die zij noemt kwamen. Zo ja: verifieer haar met een code en hef de blokkade op. Zo nee: laat de blokkade staan (hij vervalt vanzelf op de getoonde tijd) en meld het.',
    locked: 'Het account is op slot in AD. Verifieer de beller en ontgrendel het account; haar wachtwoord blijft hetzelfde.',
    ok: 'Alles is in orde. Zeg: “Kies op de computer Wachtwoord vergeten, vul je gebruikersnaam en geboortedatum in, en typ de code uit de sms.”',
  },
  verify: {
    heading: 'Beller verifiëren', send: (d: string) => `Stuur code naar mobiel (eindigt op ${d})`, sent: (d: string) => `Code verstuurd naar het nummer dat eindigt op ${d}. Vraag de beller de code voor te lezen.`,
    code: 'Code die de beller voorleest', check: 'Controleer code', noMobile: 'Geen bruikbaar mobiel nummer: verifiëren met een code kan niet.',
    verified: 'De code klopt: de beller is geverifieerd.', wrong: 'Deze code klopt niet. Vraag de beller hem nog eens voor te lezen.',
    tooMany: 'Drie keer fout: de code werkt niet meer. Stuur zo nodig een nieuwe.', expired: 'De code is verlopen. Stuur een nieuwe.', noCode: 'Er is geen code verstuurd.',
  },
  lift: {
    heading: 'Blokkade opheffen of ontgrendelen', reason: 'Reden (verplicht)', reasonHint: 'Kort, zonder persoonsgegevens. Komt in de audit.', unblock: 'Blokkade opheffen', unlock: 'Account ontgrendelen',
    unblocked: (v: boolean) => `Blokkade opgeheven. ${v ? 'De beller was geverifieerd.' : 'Let op: de beller was niet geverifieerd.'}`,
    unlocked: (v: boolean) => `Account ontgrendeld. ${v ? 'De beller was geverifieerd.' : 'Let op: de beller was niet geverifieerd.'}`,
    clientReason: 'Reden voor de kiosk (verplicht)', client: 'Kiosk of adres', clientHint: 'Bijvoorbeeld kiosk-3-west of 10.1.2.3.', clientSubmit: 'Blokkade van kiosk opheffen', clientDone: 'Blokkade van de kiosk opgeheven.',
  },
  audit: {
    heading: 'Audit doorzoeken', user: 'Gebruikersnaam (leeg: iedereen)', deskOnly: 'Alleen acties van de servicedesk', submit: 'Zoeken',
    found: (shown: number, total: number) => (shown < total ? `${total} regels; de nieuwste ${shown}:` : `${total} regels.`), who: 'Persoon', reason: 'Reden', unreadable: 'Let op: een auditbestand klopt niet (audit:verify); gezocht tot de eerste foute regel.',
  },
  events: { heading: 'Laatste gebeurtenissen', when: 'Tijd', host: 'Server', step: 'Stap', outcome: 'Uitkomst', client: 'Kiosk of adres', none: 'Geen gebeurtenissen in de laatste 7 dagen.' },
  usage: {
    heading: 'Gebruik', period: 'Periode', days: (n: number) => `laatste ${n} dagen`, csv: 'Download als CSV',
    resets: 'Nieuwe wachtwoorden', unlocks: 'Ontgrendeld', refusals: 'Niet gelukt', sms: 'Sms’jes', cost: 'Kosten sms (schatting)', deskLifts: 'Door servicedesk opgeheven',
    perDay: 'Per dag', reasons: 'Waarom het niet lukt', hours: 'Drukste uren (starts per uur)', coverage: 'Wie kan het nog niet gebruiken',
    accounts: 'Accounts', enabled: 'Ingeschakeld', usableMobile: 'Met bruikbaar mobiel nummer', parsableBirthdate: 'Met geboortedatum', ready: 'Kan het gebruiken', noCoverage: 'Niet beschikbaar.',
    chartOf: (what: string, total: number) => `${what}: ${total} in totaal`,
  },
  reasons: {
    no_mobile: 'geen mobiel nummer', wrong_birthdate: 'verkeerde geboortedatum', no_birthdate: 'geen geboortedatum bekend', unknown_or_disabled: 'onbekende of uitgeschakelde naam',
    code_wrong: 'verkeerde code', code_not_entered: 'code niet ingevoerd', blocked: 'geblokkeerd', directory_error: 'fout bij de domeincontroller', sms_error: 'fout bij het sms’en', password_refused: 'wachtwoord geweigerd',
  } as Record<string, string>,
  errors: {
    signin_failed: 'Aanmelden lukt niet. Controleer je gebruikersnaam en wachtwoord. Hoort je account bij de servicedesk-groep?',
    signin_limited: (s: number) => `Te vaak geprobeerd. Probeer het over ${Math.ceil(s / 60)} minuten opnieuw.`,
    verify_limited: 'Deze persoon heeft vandaag al genoeg codes gekregen.',
    directory_unavailable: 'De domeincontroller antwoordt nu niet. Probeer het zo opnieuw.',
    reason_required: 'Typ een reden van minstens 5 tekens.',
    signed_out: 'Je bent afgemeld (15 minuten niets gedaan, of 8 uur aangemeld). Meld je opnieuw aan.',
    forbidden: 'Dit mag je niet met jouw rol.', csrf: 'De pagina was verouderd. Probeer het nog eens.', network: 'Geen verbinding met de server.',
    verify_unavailable: 'Deze installatie kan geen eigen sms’jes sturen (stel sms.provider.from in).',
    sms_failed: 'De sms kon niet worden verstuurd. Probeer het later opnieuw.', no_mobile: 'Geen bruikbaar mobiel nummer.', unlock_rights: 'Dit account mag niet ontgrendeld worden via deze dienst.',
    other: 'Er ging iets mis. Probeer het opnieuw.',
  },
};

export type Texts = typeof nl;

const en: Texts = {
  ...nl,
  title: 'Service desk',
  product: 'Forgot password',
  langSwitch: 'Nederlands',
  other: 'nl',
  signIn: { heading: 'Sign in', intro: 'Sign in with your own account.', username: 'Username', password: 'Password', submit: 'Sign in' },
  signOut: 'Sign out',
  nav: { label: 'Sections', person: 'Find a person', usage: 'Usage', audit: 'Audit' },
  roles: { servicedesk: 'service desk', auditor: 'read only' },
  search: { heading: 'Find a person', label: "Caller's username", hint: 'Any spelling works: A.Janssen, a.janssen@…, DOMAIN\\a.janssen.', submit: 'Search' },
  state: {
    heading: 'Situation', exists: 'Account', enabled: 'Enabled', locked: 'Locked in AD', birthdate: 'Birthdate on file', mobile: 'Mobile number on file',
    yes: 'yes', no: 'no', unknown: 'unknown', notFound: 'does not exist', found: 'exists', unavailable: 'AD does not answer',
    endsOn: (d) => `yes, ends in ${d}`, blocked: 'Blocked', verified: 'Caller verified',
  },
  budgets: { heading: 'Attempts', what: 'For', used: 'Used', until: 'Free again', by: 'From (last 7 days)', none: 'Nothing used.', free: '—' },
  kinds: {
    identityPerUser: 'birthdate (typed name)', identityPerAccount: 'birthdate (account)', smsPerUser: 'text codes (typed name)', smsPerAccount: 'text codes (account)',
    codeChecksPerAccount: 'codes entered (account)', smsSpacingPerAccount: 'wait between texts',
  },
  advice: {
    heading: 'Advice',
    notFound: 'This account does not exist. Ask the caller to spell her username, or search by her e-mail address.',
    unavailable: 'The domain controller does not answer now. Try again in a few minutes.',
    disabled: 'This account is disabled: the reset does not work for it. Refer to the manager or HR.',
    noMobile: 'This account has no usable mobile number. Say: “Add your work mobile in the Talent & Salaris app, under Mijn gegevens.”',
    noBirthdate: 'This account has no birthdate on file. HR sets it; until then the caller cannot do it herself.',
    blocked: 'The caller tried too often. Check in the latest events that the tries came from her ward at the times she says. If so: verify her with a code and lift the block. If not: leave the block (it lifts by itself at the time shown) and report it.',
    locked: 'The account is locked in AD. Verify the caller and unlock the account; her password stays the same.',
    ok: 'All is well. Say: “Choose Forgot password on the computer, enter your username and birthdate, and type the code from the text.”',
  },
  verify: {
    heading: 'Verify the caller', send: (d) => `Send a code to the mobile (ends in ${d})`, sent: (d) => `Code sent to the number ending in ${d}. Ask the caller to read it out.`,
    code: 'Code the caller reads out', check: 'Check code', noMobile: 'No usable mobile number: verifying by code is not possible.',
    verified: 'The code is right: the caller is verified.', wrong: 'This code is wrong. Ask the caller to read it out again.',
    tooMany: 'Wrong three times: the code no longer works. Send a new one if needed.', expired: 'The code has expired. Send a new one.', noCode: 'No code was sent.',
  },
  lift: {
    heading: 'Lift a block or unlock', reason: 'Reason (required)', reasonHint: 'Short, no personal data. Goes into the audit trail.', unblock: 'Lift the block', unlock: 'Unlock the account',
    unblocked: (v) => `Block lifted. ${v ? 'The caller was verified.' : 'Note: the caller was not verified.'}`,
    unlocked: (v) => `Account unlocked. ${v ? 'The caller was verified.' : 'Note: the caller was not verified.'}`,
    clientReason: 'Reason for the kiosk (required)', client: 'Kiosk or address', clientHint: 'For example kiosk-3-west or 10.1.2.3.', clientSubmit: "Lift the kiosk's block", clientDone: "The kiosk's block is lifted.",
  },
  audit: {
    heading: 'Search the audit trail', user: 'Username (empty: everyone)', deskOnly: 'Service desk actions only', submit: 'Search',
    found: (shown, total) => (shown < total ? `${total} lines; the newest ${shown}:` : `${total} lines.`), who: 'Person', reason: 'Reason', unreadable: 'Note: an audit file does not verify (audit:verify); searched up to its first bad line.',
  },
  events: { heading: 'Latest events', when: 'Time', host: 'Server', step: 'Step', outcome: 'Outcome', client: 'Kiosk or address', none: 'No events in the last 7 days.' },
  usage: {
    heading: 'Usage', period: 'Period', days: (n) => `last ${n} days`, csv: 'Download as CSV',
    resets: 'New passwords', unlocks: 'Unlocked', refusals: 'Did not succeed', sms: 'Texts', cost: 'Text cost (estimate)', deskLifts: 'Lifted by the service desk',
    perDay: 'Per day', reasons: 'Why it fails', hours: 'Busiest hours (starts per hour)', coverage: 'Who cannot use it yet',
    accounts: 'Accounts', enabled: 'Enabled', usableMobile: 'With a usable mobile', parsableBirthdate: 'With a birthdate', ready: 'Can use it', noCoverage: 'Not available.',
    chartOf: (what, total) => `${what}: ${total} in total`,
  },
  reasons: {
    no_mobile: 'no mobile number', wrong_birthdate: 'wrong birthdate', no_birthdate: 'no birthdate on file', unknown_or_disabled: 'unknown or disabled name',
    code_wrong: 'wrong code', code_not_entered: 'code not entered', blocked: 'blocked', directory_error: 'domain controller error', sms_error: 'text message error', password_refused: 'password refused',
  },
  errors: {
    signin_failed: 'Sign-in failed. Check your username and password. Is your account in the service desk group?',
    signin_limited: (s) => `Too many tries. Try again in ${Math.ceil(s / 60)} minutes.`,
    verify_limited: 'This person has had enough codes today.',
    directory_unavailable: 'The domain controller does not answer now. Try again shortly.',
    reason_required: 'Type a reason of at least 5 characters.',
    signed_out: 'You were signed out (15 minutes idle, or 8 hours signed in). Sign in again.',
    forbidden: 'Your role may not do this.', csrf: 'The page was out of date. Try again.', network: 'No connection to the server.',
    verify_unavailable: 'This installation cannot send texts of its own (set sms.provider.from).',
    sms_failed: 'The text could not be sent. Try again later.', no_mobile: 'No usable mobile number.', unlock_rights: 'This account may not be unlocked through this service.',
    other: 'Something went wrong. Try again.',
  },
};
export const TEXTS: Record<'nl' | 'en', Texts> = { nl, en };

/** The advice for the agent, most pressing first. */
export function advice(t: Texts, p: Person): string[] {
  const a = p.account;
  if (a === 'directory_unavailable') return [t.advice.unavailable];
  if (!a) return [t.advice.notFound];
  if (a.disabled) return [t.advice.disabled];
  const out: string[] = [];
  if (p.blocked) out.push(t.advice.blocked);
  if (p.locked) out.push(t.advice.locked);
  if (!a.mobileUsable) out.push(t.advice.noMobile);
  if (!a.birthdateOnFile) out.push(t.advice.noBirthdate);
  return out.length ? out : [t.advice.ok];
}

export function errorText(t: Texts, code: string, retryAfterSeconds?: number): string {
  if (code === 'signin_limited') return t.errors.signin_limited(retryAfterSeconds ?? 900);
  const e = t.errors as Record<string, unknown>;
  return typeof e[code] === 'string' ? (e[code] as string) : t.errors.other;
}
