// Dutch, the kiosk's first language. Texts follow the staff manual ("Wachtwoord resetten"): its labels
// (Gebruikersnaam, Geboortedatum, Wachtwoordcode, Volgende), its rules, its error sentence ("wellicht niet goed
// ingegeven … waarschijnlijk niet goed geregistreerd") and its closing sentence. Errors: a short title, then one
// idea per line; the servicedesk's contact is in the page footer, once per screen.
import type { ErrorValues, Host, Messages } from './types.js';

const times = (n: number) => `${n} keer`;
const duration = (s: number) => {
  if (s < 90) return s === 1 ? '1 seconde' : `${s} seconden`;
  const min = Math.ceil(s / 60);
  if (min < 60) return min === 1 ? '1 minuut' : `${min} minuten`;
  return `${Math.ceil(s / 3600)} uur`;
};
const inTime = (v: ErrorValues) => (v.retryAfterSeconds ? `over ${duration(v.retryAfterSeconds)}` : 'later');
const device = (host: Host) => (host === 'kiosk' ? 'deze computer' : 'dit apparaat');
const tries = (n: number | undefined): string[] => {
  if (n === undefined) return [];
  if (n === 0) return ['Je kunt het nu een tijd niet meer proberen.'];
  if (n === 1) return ['Let op: je kunt het nog 1 keer proberen. Daarna is je gebruikersnaam een tijd geblokkeerd.'];
  return [`Je kunt het nog ${times(n)} proberen.`];
};

export const nl: Messages = {
  lang: 'nl',
  languageName: 'Nederlands',
  languageSwitchLabel: 'Taal',
  product: 'Wachtwoord vergeten',
  demo: 'Demo',
  pageTitle: (part, org, failed) => `${failed ? 'Fout: ' : ''}${part} – ${org ? `${org} · ` : ''}Wachtwoord vergeten`,
  titles: {
    username: 'Gebruikersnaam', birthdate: 'Geboortedatum', code: 'Wachtwoordcode', password: 'Nieuw wachtwoord',
    done: 'Je wachtwoord is opnieuw ingesteld', offline: 'Niet bereikbaar',
  },
  stepOf: (step, total) => `Stap ${step} van ${total}`,
  next: 'Volgende',
  cancel: 'Annuleren',
  loading: 'Even geduld…',
  retry: 'Opnieuw proberen',
  duration,
  idle: {
    title: 'Ben je er nog?',
    countdown: (s) => `Over ${duration(s)} wordt alles gewist.`,
    keepGoing: 'Druk op een toets of tik op het scherm om verder te gaan.',
    wiped: 'Het scherm is leeggemaakt, omdat er een tijd niets gebeurde. Je kunt opnieuw beginnen.',
  },
  username: {
    heading: 'Wachtwoord vergeten?',
    intro: 'Hier stel je zelf een nieuw wachtwoord in. Je hebt nodig:',
    needs: (channel) => ['je gebruikersnaam', 'je geboortedatum', `je mobiele telefoon: de code komt via ${channel}`],
    label: 'Gebruikersnaam',
    hint: 'Bijvoorbeeld A.Janssen, zonder @ en wat erachter staat.',
    toUnlock: 'Account geblokkeerd? Ontgrendel je account',
  },
  unlock: {
    heading: 'Account ontgrendelen',
    intro: 'Weet je je wachtwoord nog, maar is je account geblokkeerd door te vaak een verkeerd wachtwoord? Hier ontgrendel je het zelf. Je hebt nodig:',
    needs: (channel) => ['je gebruikersnaam', 'je geboortedatum', `je mobiele telefoon: de code komt via ${channel}`],
    toReset: 'Wachtwoord vergeten? Kies een nieuw wachtwoord',
    doneHeading: 'Je account is ontgrendeld',
    doneSuccess: 'Gelukt! Je kunt weer inloggen met je huidige wachtwoord.',
  },
  birthdate: {
    heading: 'Je geboortedatum',
    intro: 'Ter controle vragen we je geboortedatum.',
    for: 'Gebruikersnaam:',
    label: 'Geboortedatum',
    hint: 'dd-mm-jjjj, bijvoorbeeld 01-10-1984',
  },
  code: {
    heading: 'Vul de code in',
    sentTo: (channel, m, min) => `We hebben je een code gestuurd via ${channel}, op je mobiele telefoon ${m}. De code is ${min} ${min === 1 ? 'minuut' : 'minuten'} geldig.`,
    label: 'Wachtwoordcode',
    hint: '6 cijfers',
    resend: 'Stuur een nieuwe code',
    resendIn: (s) => `Stuur een nieuwe code (kan over ${s}\u00a0s)`,
    resent: (m) => `Er is een nieuwe code gestuurd naar ${m}.`,
  },
  password: {
    heading: 'Kies een nieuw wachtwoord',
    intro: 'Geef tweemaal je nieuwe wachtwoord in. Het moet voldoen aan onze wachtwoordeisen.',
    label: 'Nieuw wachtwoord',
    repeatLabel: 'Herhaal nieuw wachtwoord',
    show: 'Toon wachtwoorden',
    hide: 'Verberg wachtwoorden',
    rulesHeading: 'Onze wachtwoordeisen',
    ruleMet: 'voldaan',
    ruleNotMet: 'nog niet voldaan',
    ruleLater: 'wordt gecontroleerd als je op Volgende drukt',
    summary: (missing) =>
      missing.length === 0 ? 'Je wachtwoord voldoet aan de eisen die we nu kunnen controleren.' : `Nog ${missing.length} ${missing.length === 1 ? 'eis' : 'eisen'}: ${missing.join('; ')}.`,
    ruleDomain: 'wordt door het domein gecontroleerd als je op Volgende drukt',
    ruleNotChecked: 'kan bij deze reset niet worden gecontroleerd',
  },
  done: {
    heading: 'Je wachtwoord is opnieuw ingesteld',
    success: () => 'Gelukt! Je kunt nu inloggen met je nieuwe wachtwoord.',
    applicationsIntro: 'Je nieuwe wachtwoord geldt tevens voor de volgende applicaties:',
    finished: (host) => (host === 'kiosk' ? 'Je bent nu klaar. Je kunt nu inloggen.' : 'Je bent nu klaar en mag dit venster sluiten.'),
    returning: (host, s) => (host === 'kiosk' ? `Over ${s} seconden sluit dit scherm.` : `Over ${s} seconden gaat dit scherm terug naar het begin.`),
    again: (host) => (host === 'kiosk' ? 'Afsluiten' : 'Terug naar het begin'),
  },
  rules: {
    length: (n) => `Minimaal ${n} karakters lang`,
    upper: () => 'Minimaal 1 hoofdletter',
    digit: () => 'Minimaal 1 cijfer',
    punctuation: () => 'Minimaal 1 leesteken, zoals ! ? # . -',
    names: () => 'Je voor- en achternaam en je gebruikersnaam mogen er niet in voorkomen',
    history: (n) => (n === 1 ? 'Niet je vorige wachtwoord' : `Niet een van je laatste ${n} gebruikte wachtwoorden`),
    banned: () => 'Geen veelgebruikt of makkelijk te raden wachtwoord, zoals Welkom01!',
  },
  errors: {
    invalid_request: () => ({ title: 'Er ging iets mis met je invoer.', lines: ['Begin opnieuw. Lukt het niet, bel dan de servicedesk.'] }),
    username_required: () => ({ title: 'Vul je gebruikersnaam in.', lines: ['Bijvoorbeeld A.Janssen, zonder @ en wat erachter staat.'] }),
    birthdate_format: () => ({ title: 'Deze datum bestaat niet of is niet goed geschreven.', lines: ['Vul je geboortedatum in als dd-mm-jjjj, bijvoorbeeld 01-10-1984.'] }),
    identity_failed: (v) => ({
      title: 'Je geboortedatum is wellicht niet goed ingegeven.',
      lines: [
        'Controleer de datum (dd-mm-jjjj) en probeer het opnieuw.',
        'Klopt de datum? Dan is je mobiele nummer waarschijnlijk niet goed geregistreerd.',
        ...(v.mobileRegistration ? [`Je nummer staat ${v.mobileRegistration}.`] : []),
        ...tries(v.attemptsLeft),
      ],
    }),
    blocked: (v) => {
      if (v.limit === 'user') return { title: 'Te veel pogingen met deze gebruikersnaam.', lines: [`Om je account te beschermen kan het pas ${inTime(v)} weer.`, 'Eerder nodig? Bel de servicedesk.'] };
      if (v.limit === 'client') return { title: `Te veel pogingen op ${device(v.host)}.`, lines: [`Probeer het ${inTime(v)} opnieuw, of gebruik een andere computer.`] };
      return { title: 'Er zijn te veel pogingen gedaan.', lines: ['Probeer het later opnieuw of bel de servicedesk.'] };
    },
    identity_in_progress: () => ({ title: 'Je geboortedatum wordt al gecontroleerd.', lines: ['Een moment geduld, je ziet zo het resultaat.'] }),
    session_expired: () => ({ title: 'Je sessie is verlopen.', lines: ['Begin opnieuw met je gebruikersnaam.'] }),
    code_format: (v) => ({ title: 'Een code bestaat uit 6 cijfers.', lines: [`Vul de 6 cijfers in die je via ${v.channel} kreeg.`] }),
    code_wrong: (v) => ({ title: 'Deze code klopt niet.', lines: [`Controleer de code die je via ${v.channel} kreeg.`, `Je kunt het nog ${times(v.attemptsLeft ?? 0)} proberen.`] }),
    code_expired: () => ({ title: 'Deze code is verlopen.', lines: ['Vraag hieronder een nieuwe code aan.'] }),
    code_attempts_exceeded: () => ({ title: 'Je hebt te vaak een verkeerde code ingevuld.', lines: ['Deze code werkt niet meer.', 'Vraag hieronder een nieuwe code aan.'] }),
    resend_too_soon: (v) => ({ title: 'Een nieuwe code kan nog niet.', lines: [`Probeer het ${inTime(v)} opnieuw.`] }),
    sms_limit: (v) => {
      if (v.limit === 'user') return { title: 'Er zijn al te veel codes naar je telefoon gestuurd.', lines: [`Een nieuwe code kan ${inTime(v)}.`, 'Eerder nodig? Bel de servicedesk.'] };
      if (v.limit === 'client') return { title: `Er zijn al te veel codes aangevraagd op ${device(v.host)}.`, lines: [`Probeer het ${inTime(v)} opnieuw, of gebruik een andere computer.`] };
      if (v.limit === 'all') return { title: 'Er kunnen nu geen codes worden verstuurd.', lines: [`Probeer het ${inTime(v)} opnieuw of bel de servicedesk.`] };
      return { title: 'Er zijn al te veel codes verstuurd.', lines: ['Probeer het later opnieuw of bel de servicedesk.'] };
    },
    sms_failed: () => ({ title: 'De code kon niet worden verstuurd.', lines: ['Probeer het over een paar minuten opnieuw.'] }),
    password_policy: (v) => ({
      title: 'Je nieuwe wachtwoord voldoet nog niet aan de eisen.',
      ...(v.failing?.length ? { lines: ['Nog niet voldaan:'], list: v.failing } : { lines: ['Kies een ander wachtwoord.'] }),
    }),
    password_mismatch: () => ({ title: 'De twee wachtwoorden zijn niet gelijk.', lines: ['Typ twee keer precies hetzelfde nieuwe wachtwoord.'] }),
    password_rejected: () => ({ title: 'Dit wachtwoord wordt niet geaccepteerd.', lines: ['Kies een ander wachtwoord dat aan alle eisen voldoet.'] }),
    password_in_progress: () => ({ title: 'Je nieuwe wachtwoord wordt al ingesteld.', lines: ['Een moment geduld, je ziet zo het resultaat.'] }),
    reset_uncertain: () => ({
      title: 'We weten niet zeker of je wachtwoord is gewijzigd.',
      lines: ['De verbinding viel weg terwijl het werd ingesteld.', 'Probeer in te loggen met je nieuwe wachtwoord.', 'Lukt dat niet? Begin opnieuw.'],
    }),
    unavailable: () => ({ title: 'De wachtwoordservice is nu niet bereikbaar.', lines: ['Er is niets gewijzigd.', 'Probeer het over een paar minuten opnieuw.'] }),
    internal: () => ({ title: 'Er ging iets mis aan onze kant.', lines: ['Probeer het opnieuw. Lukt het niet, bel dan de servicedesk en noem de referentie.'] }),
  },
  servicedesk: {
    intro: 'Voor vragen kun je tijdens kantooruren contact opnemen met',
    phone: 'Tel.',
    email: 'E-mail',
    hours: 'Bereikbaar',
    reference: (id) => `Referentie: ${id}`,
  },
};
