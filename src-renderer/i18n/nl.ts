// Dutch, the kiosk's first language, B1 and je-form. Texts follow the staff manual ("Wachtwoord resetten"): its
// labels (Gebruikersnaam, Geboortedatum, Wachtwoordcode, Volgende), its rules, the meaning of its error sentence
// (a typo, or the mobile number not registered) and its closing sentence, as the text review rewrote them for a
// tired reader. Errors: a short title, then one idea per line; every message that says to call gives the number,
// and every refusal says what happens next.
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
const call = (phone: string) => (phone ? `Bel de servicedesk: ${phone}.` : 'Bel de servicedesk.');
const tries = (n: number | undefined): string[] => {
  if (n === undefined) return [];
  if (n === 0) return ['Je kunt het hier nu een tijd niet meer proberen.'];
  if (n === 1) return ['Let op: nog 1 poging. Daarna kun je hier een tijd geen nieuw wachtwoord aanvragen.'];
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
    username: 'Gebruikersnaam',
    birthdate: 'Geboortedatum',
    code: 'Wachtwoordcode',
    password: 'Nieuw wachtwoord',
    done: 'Je wachtwoord is opnieuw ingesteld',
    offline: 'Niet bereikbaar',
  },
  stepOf: (step, total) => `Stap ${step} van ${total}`,
  next: 'Volgende',
  cancel: 'Annuleren',
  cancelConfirm: {
    question: 'Weet je het zeker?',
    text: 'Je stopt en begint opnieuw. De code op je telefoon werkt dan niet meer.',
    yes: 'Ja, stoppen',
    no: 'Nee, verder',
  },
  loading: 'Even geduld…',
  retry: 'Opnieuw proberen',
  duration,
  idle: {
    title: 'Ben je er nog?',
    countdown: (s) => `Over ${duration(s)} wordt het scherm leeggemaakt.`,
    keepGoing: 'Druk op een toets of tik op het scherm om verder te gaan.',
    wiped: 'Er gebeurde een tijdje niets. Daarom is het scherm leeggemaakt. Begin hieronder opnieuw.',
  },
  username: {
    heading: 'Wachtwoord vergeten?',
    intro:
      'Hier kies je zelf een nieuw wachtwoord. Is je account geblokkeerd? Dan wordt het ook ontgrendeld. Je hebt nodig:',
    needs: (channel) => ['je gebruikersnaam', 'je geboortedatum', `je mobiele telefoon: de code komt via ${channel}`],
    label: 'Gebruikersnaam',
    hint: 'Bijvoorbeeld A.Janssen (zonder @ en wat erachter staat)',
    toUnlock: 'Account geblokkeerd? Ontgrendel je account',
  },
  unlock: {
    heading: 'Account ontgrendelen',
    intro: 'Weet je je wachtwoord nog, maar is je account geblokkeerd? Hier ontgrendel je het zelf. Je hebt nodig:',
    needs: (channel) => ['je gebruikersnaam', 'je geboortedatum', `je mobiele telefoon: de code komt via ${channel}`],
    toReset: 'Wachtwoord vergeten? Kies een nieuw wachtwoord',
    doneHeading: 'Je account is ontgrendeld',
    doneSuccess:
      'Gelukt! Je kunt weer inloggen met je huidige wachtwoord. Staat je mail op je telefoon? Zet daar ook je huidige wachtwoord in, anders raakt je account weer geblokkeerd.',
  },
  birthdate: {
    heading: 'Je geboortedatum',
    intro: 'Zo weten we dat jij het bent.',
    for: 'Gebruikersnaam:',
    label: 'Geboortedatum',
    hint: 'Dag-maand-jaar, bijvoorbeeld 01-10-1984 of 01101984',
    waitTitle: 'Er is net al een code naar je telefoon gestuurd.',
    wait: (s) => (s > 0 ? `Over ${duration(s)} gaan we verder.` : 'We gaan verder…'),
  },
  code: {
    heading: 'Vul de wachtwoordcode in',
    sentTo: (channel, last, min) =>
      `We hebben je via ${channel} een code gestuurd.${last ? ` Je nummer eindigt op ${last}.` : ''} De code is ${min} ${min === 1 ? 'minuut' : 'minuten'} geldig.`,
    label: 'Wachtwoordcode',
    hint: '6 cijfers',
    resend: 'Nieuwe code sturen',
    resendIn: (s) => `Nieuwe code sturen (over ${duration(s)})`,
    resent: 'Nieuwe code gestuurd. Gebruik de code uit de nieuwste sms.',
  },
  password: {
    heading: 'Kies een nieuw wachtwoord',
    intro: 'Typ je nieuwe wachtwoord twee keer. Het moet voldoen aan de eisen hieronder.',
    label: 'Nieuw wachtwoord',
    repeatLabel: 'Herhaal je nieuwe wachtwoord',
    show: 'Toon wachtwoord',
    hide: 'Verberg wachtwoord',
    same: 'De wachtwoorden zijn gelijk.',
    notSame: 'De wachtwoorden zijn nog niet gelijk.',
    checksLeft: (n) =>
      `Let op: je kunt nog ${n === 1 ? '1 wachtwoord' : `${n} wachtwoorden`} laten controleren. Daarna begin je opnieuw.`,
    rulesHeading: 'Onze wachtwoordeisen',
    ruleMet: 'voldaan',
    ruleNotMet: 'nog niet voldaan',
    ruleLater: 'we controleren dit na Volgende',
    summary: (missing) =>
      missing.length === 0
        ? 'Je wachtwoord voldoet aan de eisen die we nu kunnen controleren.'
        : `Nog ${missing.length} ${missing.length === 1 ? 'eis' : 'eisen'}: ${missing.join('; ')}.`,
    ruleDomain: 'we controleren dit na Volgende',
    ruleNotChecked: 'kunnen we hier niet controleren',
  },
  done: {
    heading: 'Je wachtwoord is opnieuw ingesteld',
    success: () => 'Gelukt! Je kunt nu inloggen met je nieuwe wachtwoord.',
    applicationsIntro: 'Je nieuwe wachtwoord geldt ook voor:',
    finished: (host) =>
      host === 'kiosk'
        ? 'Je bent klaar. Kies Naar het inlogscherm en log in met je nieuwe wachtwoord.'
        : 'Je bent nu klaar en mag deze pagina sluiten.',
    returning: (s) => `Over ${duration(s)} sluit dit scherm. Tik of druk op een toets als je meer tijd nodig hebt.`,
    again: (host) => (host === 'kiosk' ? 'Naar het inlogscherm' : 'Terug naar het begin'),
  },
  rules: {
    length: (n) => `Minimaal ${n} tekens`,
    upper: () => 'Minimaal 1 hoofdletter',
    digit: () => 'Minimaal 1 cijfer',
    punctuation: () => 'Minimaal 1 leesteken of symbool, zoals ! ? # . - (een spatie telt niet)',
    names: () => 'Niet je voornaam, achternaam of gebruikersnaam',
    history: (n) => (n === 1 ? 'Niet je vorige wachtwoord' : `Geen van je laatste ${n} wachtwoorden`),
    banned: () => 'Geen veelgebruikt of makkelijk te raden wachtwoord, zoals Welkom01!',
  },
  errors: {
    invalid_request: (v) => ({ title: 'Er ging iets mis.', lines: [`Begin opnieuw. Lukt het niet? ${call(v.phone)}`] }),
    username_required: () => ({
      title: 'Vul je gebruikersnaam in.',
      lines: ['Bijvoorbeeld A.Janssen (zonder @ en wat erachter staat).'],
    }),
    birthdate_format: () => ({
      title: 'Deze datum klopt niet.',
      lines: ['Vul hem in als dag-maand-jaar, bijvoorbeeld 01-10-1984. Het jaar heeft 4 cijfers.'],
    }),
    // Both causes as equals (a typo, or no usable mobile on file), and: a right date does not get better by repeating it.
    identity_failed: (v) => ({
      title: 'Het lukt niet met deze gegevens.',
      lines: [
        'Een typfout in je naam of datum? Of je mobiele nummer staat niet goed.',
        v.attemptsLeft === 0
          ? call(v.phone)
          : `Klopt alles? Probeer het dan niet opnieuw. Bel ${v.phone || 'de servicedesk'}.`,
        ...tries(v.attemptsLeft),
      ],
      ...(v.mobileRegistration
        ? { more: { summary: 'Je nummer goed zetten', text: `Zet je nummer ${v.mobileRegistration}.` } }
        : {}),
    }),
    blocked: (v) => {
      if (v.limit === 'user') {
        return {
          title: 'Je kunt hier nu geen nieuw wachtwoord aanvragen.',
          lines: [
            `Dat kan weer ${inTime(v)}; zo beschermen we je account.`,
            'Klopte je datum wel? Dan staat je mobiele nummer waarschijnlijk niet goed.',
            `Eerder nodig? ${call(v.phone)}`,
          ],
        };
      }
      if (v.limit === 'client')
        return {
          title: `Te veel pogingen op ${device(v.host)}.`,
          lines: [`Het kan weer ${inTime(v)}, of gebruik een andere computer.`, `Eerder nodig? ${call(v.phone)}`],
        };
      // The session's password checks are used up: the way out is a new session.
      return {
        title: 'Er zijn te veel wachtwoorden geprobeerd.',
        lines: ['Kies Annuleren en begin opnieuw.', `Lukt het niet? ${call(v.phone)}`],
      };
    },
    identity_in_progress: () => ({
      title: 'Je geboortedatum wordt al gecontroleerd.',
      lines: ['Een moment geduld, je ziet zo het resultaat.'],
    }),
    session_expired: () => ({ title: 'Dit duurde te lang.', lines: ['Begin opnieuw met je gebruikersnaam.'] }),
    code_format: (v) => ({
      title: 'Een code bestaat uit 6 cijfers.',
      lines: [`Vul de 6 cijfers in die je via ${v.channel} kreeg.`],
    }),
    code_wrong: (v) => ({
      title: 'Deze code klopt niet.',
      lines: [
        'Gebruik de code uit de nieuwste sms.',
        v.attemptsLeft === 1
          ? 'Je kunt het nog 1 keer proberen; daarna vraag je een nieuwe code aan.'
          : `Je kunt het nog ${times(v.attemptsLeft ?? 0)} proberen.`,
      ],
    }),
    code_expired: () => ({ title: 'Deze code is verlopen.', lines: ['Vraag hieronder een nieuwe code aan.'] }),
    code_attempts_exceeded: () => ({
      title: 'Deze code is te vaak verkeerd ingevuld en werkt niet meer.',
      lines: ['Vraag hieronder een nieuwe code aan.'],
    }),
    resend_too_soon: (v) => ({
      title: 'Er is net al een code naar je telefoon gestuurd.',
      lines: [
        `${inTime(v) === 'later' ? 'Straks' : `Over ${duration(v.retryAfterSeconds ?? 0)}`} kun je een nieuwe krijgen.`,
      ],
    }),
    sms_limit: (v) => {
      if (v.limit === 'user')
        return {
          title: 'Er zijn al te veel codes naar je telefoon gestuurd.',
          lines: [
            `${inTime(v) === 'later' ? 'Later' : `Over ${duration(v.retryAfterSeconds ?? 0)}`} kun je weer een code krijgen.`,
            `Eerder nodig? ${call(v.phone)}`,
          ],
        };
      if (v.limit === 'client')
        return {
          title: `Er zijn al te veel codes aangevraagd op ${device(v.host)}.`,
          lines: [`Het kan weer ${inTime(v)}, of gebruik een andere computer.`],
        };
      if (v.limit === 'all')
        return {
          title: 'Er kunnen nu geen codes worden verstuurd.',
          lines: [`Het kan weer ${inTime(v)}.`, `Eerder nodig? ${call(v.phone)}`],
        };
      return {
        title: 'Er zijn al te veel codes verstuurd.',
        lines: [`Het kan later weer. Eerder nodig? ${call(v.phone)}`],
      };
    },
    sms_failed: (v) => ({
      title: 'De code kon niet worden verstuurd.',
      lines: ['Probeer het over een paar minuten opnieuw.', `Lukt het niet? ${call(v.phone)}`],
    }),
    password_policy: (v) => ({
      title: 'Je nieuwe wachtwoord voldoet nog niet aan de eisen.',
      ...(v.failing?.length
        ? { lines: ['Nog niet voldaan:'], list: v.failing }
        : { lines: ['Kies een ander wachtwoord.'] }),
    }),
    password_mismatch: () => ({
      title: 'De twee wachtwoorden zijn niet gelijk.',
      lines: ['Typ twee keer precies hetzelfde nieuwe wachtwoord. Tip: met het oogje zie je wat je typt.'],
    }),
    password_rejected: () => ({
      title: 'Dit wachtwoord wordt niet geaccepteerd.',
      lines: ['Kies een ander wachtwoord dat aan alle eisen voldoet.'],
    }),
    password_in_progress: () => ({
      title: 'Je nieuwe wachtwoord wordt al ingesteld.',
      lines: ['Een moment geduld, je ziet zo het resultaat.'],
    }),
    reset_uncertain: () => ({
      title: 'We weten niet zeker of je wachtwoord is gewijzigd.',
      lines: [
        'De verbinding viel weg terwijl het werd ingesteld.',
        'Probeer in te loggen met je nieuwe wachtwoord.',
        'Lukt dat niet? Begin opnieuw.',
      ],
    }),
    unavailable: (v) => ({
      title: 'De wachtwoordservice is nu niet bereikbaar.',
      lines: [
        'Er is niets gewijzigd.',
        'Probeer het over een paar minuten opnieuw.',
        `Lukt het niet? ${call(v.phone)}`,
      ],
    }),
    internal: (v) => ({
      title: 'Er ging iets mis aan onze kant.',
      lines: [`Probeer het opnieuw. Lukt het niet? ${call(v.phone)} Noem dan het referentienummer hieronder.`],
    }),
  },
  servicedesk: {
    intro: 'Vragen? Neem contact op met de',
    phone: 'Tel.',
    email: 'E-mail',
    hours: 'Bereikbaar',
    reference: (id) => `Referentie: ${id}`,
    call,
  },
};
