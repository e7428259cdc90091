// English, for staff who do not read Dutch. Same structure as nl.ts (the Messages type enforces it).
import type { ErrorValues, Host, Messages } from './types.js';

const times = (n: number) => (n === 1 ? '1 more time' : `${n} more times`);
const duration = (s: number) => {
  if (s < 90) return s === 1 ? '1 second' : `${s} seconds`;
  const min = Math.ceil(s / 60);
  if (min < 60) return min === 1 ? '1 minute' : `${min} minutes`;
  const h = Math.ceil(s / 3600);
  return h === 1 ? '1 hour' : `${h} hours`;
};
const inTime = (v: ErrorValues) => (v.retryAfterSeconds ? `in ${duration(v.retryAfterSeconds)}` : 'later');
const device = (host: Host) => (host === 'kiosk' ? 'this computer' : 'this device');
const call = (phone: string) => (phone ? `Call the service desk: ${phone}.` : 'Call the service desk.');
const tries = (n: number | undefined): string[] => {
  if (n === undefined) return [];
  if (n === 0) return ['You cannot try here again for a while.'];
  if (n === 1) return ['Please note: 1 more try. After that you cannot ask for a new password here for a while.'];
  return [`You can try ${times(n)}.`];
};

export const en: Messages = {
  lang: 'en',
  languageName: 'English',
  languageSwitchLabel: 'Language',
  product: 'Forgot password',
  demo: 'Demo',
  pageTitle: (part, org, failed) => `${failed ? 'Error: ' : ''}${part} – ${org ? `${org} · ` : ''}Forgot password`,
  titles: {
    username: 'Username',
    birthdate: 'Date of birth',
    code: 'Password code',
    password: 'New password',
    done: 'Your password has been reset',
    offline: 'Not reachable',
  },
  stepOf: (step, total) => `Step ${step} of ${total}`,
  next: 'Next',
  cancel: 'Cancel',
  cancelConfirm: {
    question: 'Are you sure?',
    text: 'You stop and start again. The code on your phone will no longer work.',
    yes: 'Yes, stop',
    no: 'No, continue',
  },
  loading: 'One moment…',
  retry: 'Try again',
  duration,
  idle: {
    title: 'Are you still there?',
    countdown: (s) => `The screen will be cleared in ${duration(s)}.`,
    keepGoing: 'Press any key or tap the screen to continue.',
    wiped: 'Nothing happened for a while, so the screen was cleared. Start again below.',
  },
  username: {
    heading: 'Forgot your password?',
    intro: 'Here you choose a new password yourself. Is your account locked? Then it is unlocked too. You need:',
    needs: (channel) => ['your username', 'your date of birth', `your mobile phone: the code comes via ${channel}`],
    label: 'Username',
    hint: 'For example A.Janssen (without @ and what follows it)',
    toUnlock: 'Account locked? Unlock your account',
  },
  unlock: {
    heading: 'Unlock your account',
    intro: 'Do you still know your password, but is your account locked? Unlock it yourself here. You need:',
    needs: (channel) => ['your username', 'your date of birth', `your mobile phone: the code comes via ${channel}`],
    toReset: 'Forgot your password? Choose a new one',
    doneHeading: 'Your account is unlocked',
    doneSuccess:
      'Done! You can sign in again with your current password. Is your email on your phone? Enter your current password there too, or your account will be locked again.',
  },
  birthdate: {
    heading: 'Your date of birth',
    intro: 'This is how we know it is you.',
    for: 'Username:',
    label: 'Date of birth',
    hint: 'Day-month-year, for example 01-10-1984 or 01101984',
    waitTitle: 'A code was just sent to your phone.',
    wait: (s) => (s > 0 ? `We continue in ${duration(s)}.` : 'Continuing…'),
  },
  code: {
    heading: 'Enter the password code',
    sentTo: (channel, last, min) =>
      `We sent you a code via ${channel}.${last ? ` Your number ends in ${last}.` : ''} The code is valid for ${min} ${min === 1 ? 'minute' : 'minutes'}.`,
    label: 'Password code',
    hint: '6 digits',
    resend: 'Send a new code',
    resendIn: (s) => `Send a new code (in ${duration(s)})`,
    resent: 'New code sent. Use the code from the newest text message.',
  },
  password: {
    heading: 'Choose a new password',
    intro: 'Type your new password twice. It must meet the requirements below.',
    label: 'New password',
    repeatLabel: 'Repeat your new password',
    show: 'Show password',
    hide: 'Hide password',
    same: 'The passwords are the same.',
    notSame: 'The passwords are not the same yet.',
    checksLeft: (n) =>
      `Please note: you can have ${n === 1 ? '1 more password' : `${n} more passwords`} checked. After that you start again.`,
    rulesHeading: 'Our password requirements',
    ruleMet: 'met',
    ruleNotMet: 'not met yet',
    ruleLater: 'we check this after Next',
    summary: (missing) =>
      missing.length === 0
        ? 'Your password meets the requirements we can check now.'
        : `${missing.length} ${missing.length === 1 ? 'requirement' : 'requirements'} to go: ${missing.join('; ')}.`,
    ruleDomain: 'we check this after Next',
    ruleNotChecked: 'we cannot check this here',
  },
  done: {
    heading: 'Your password has been reset',
    success: () => 'Done! You can now sign in with your new password.',
    applicationsIntro: 'Your new password also applies to:',
    finished: (host) =>
      host === 'kiosk'
        ? 'You are finished. Choose Go to the sign-in screen and sign in with your new password.'
        : 'You are finished and may close this page.',
    returning: (s) => `This screen closes in ${duration(s)}. Tap or press a key if you need more time.`,
    again: (host) => (host === 'kiosk' ? 'Go to the sign-in screen' : 'Back to the start'),
  },
  rules: {
    length: (n) => `At least ${n} characters`,
    upper: () => 'At least 1 capital letter',
    digit: () => 'At least 1 digit',
    punctuation: () => 'At least 1 punctuation mark or symbol, such as ! ? # . - (a space does not count)',
    names: () => 'Not your first name, surname or username',
    history: (n) => (n === 1 ? 'Not your previous password' : `None of your last ${n} passwords`),
    banned: () => 'Not a common or easy-to-guess password, such as Welkom01!',
  },
  errors: {
    invalid_request: (v) => ({
      title: 'Something went wrong.',
      lines: [`Start again. Does that not work? ${call(v.phone)}`],
    }),
    username_required: () => ({
      title: 'Enter your username.',
      lines: ['For example A.Janssen (without @ and what follows it).'],
    }),
    birthdate_format: () => ({
      title: 'This date is not right.',
      lines: ['Enter it as day-month-year, for example 01-10-1984. The year has 4 digits.'],
    }),
    identity_failed: (v) => ({
      title: 'This does not work with these details.',
      lines: [
        'A typo in your name or date? Or your mobile number is not right.',
        v.attemptsLeft === 0
          ? call(v.phone)
          : `Is everything right? Then do not try again. Call ${v.phone || 'the service desk'}.`,
        ...tries(v.attemptsLeft),
      ],
      ...(v.mobileRegistration
        ? { more: { summary: 'Putting your number right', text: `Enter your number ${v.mobileRegistration}.` } }
        : {}),
    }),
    blocked: (v) => {
      if (v.limit === 'user') {
        return {
          title: 'You cannot ask for a new password here right now.',
          lines: [
            `That is possible again ${inTime(v)}; this protects your account.`,
            'Was your date right? Then your mobile number is probably not registered correctly.',
            `Need it sooner? ${call(v.phone)}`,
          ],
        };
      }
      if (v.limit === 'client')
        return {
          title: `Too many attempts on ${device(v.host)}.`,
          lines: [`It is possible again ${inTime(v)}, or use another computer.`, `Need it sooner? ${call(v.phone)}`],
        };
      return {
        title: 'Too many passwords were tried.',
        lines: ['Choose Cancel and start again.', `Does that not work? ${call(v.phone)}`],
      };
    },
    identity_in_progress: () => ({
      title: 'Your date of birth is already being checked.',
      lines: ['One moment, the result follows shortly.'],
    }),
    session_expired: () => ({ title: 'This took too long.', lines: ['Start again with your username.'] }),
    code_format: (v) => ({
      title: 'A code has 6 digits.',
      lines: [`Enter the 6 digits you received via ${v.channel}.`],
    }),
    code_wrong: (v) => ({
      title: 'This code is not right.',
      lines: [
        'Use the code from the newest text message.',
        v.attemptsLeft === 1
          ? 'You can try 1 more time; after that you ask for a new code.'
          : `You can try ${times(v.attemptsLeft ?? 0)}.`,
      ],
    }),
    code_expired: () => ({ title: 'This code has expired.', lines: ['Ask for a new code below.'] }),
    code_attempts_exceeded: () => ({
      title: 'This code was entered wrongly too often and no longer works.',
      lines: ['Ask for a new code below.'],
    }),
    resend_too_soon: (v) => ({
      title: 'A code was just sent to your phone.',
      lines: [`You can get a new one ${inTime(v)}.`],
    }),
    sms_limit: (v) => {
      if (v.limit === 'user')
        return {
          title: 'Too many codes have been sent to your phone.',
          lines: [`You can get a code again ${inTime(v)}.`, `Need it sooner? ${call(v.phone)}`],
        };
      if (v.limit === 'client')
        return {
          title: `Too many codes have been requested on ${device(v.host)}.`,
          lines: [`It is possible again ${inTime(v)}, or use another computer.`],
        };
      if (v.limit === 'all')
        return {
          title: 'No codes can be sent right now.',
          lines: [`It is possible again ${inTime(v)}.`, `Need it sooner? ${call(v.phone)}`],
        };
      return {
        title: 'Too many codes have been sent.',
        lines: [`It is possible again later. Need it sooner? ${call(v.phone)}`],
      };
    },
    sms_failed: (v) => ({
      title: 'The code could not be sent.',
      lines: ['Try again in a few minutes.', `Does that not work? ${call(v.phone)}`],
    }),
    password_policy: (v) => ({
      title: 'Your new password does not meet the requirements yet.',
      ...(v.failing?.length ? { lines: ['Not met yet:'], list: v.failing } : { lines: ['Choose another password.'] }),
    }),
    password_mismatch: () => ({
      title: 'The two passwords are not the same.',
      lines: ['Type exactly the same new password twice. Tip: the eye shows what you type.'],
    }),
    password_rejected: () => ({
      title: 'This password is not accepted.',
      lines: ['Choose another password that meets all requirements.'],
    }),
    password_in_progress: () => ({
      title: 'Your new password is already being set.',
      lines: ['One moment, the result follows shortly.'],
    }),
    reset_uncertain: () => ({
      title: 'We are not sure whether your password was changed.',
      lines: [
        'The connection dropped while it was being set.',
        'Try to sign in with your new password.',
        'If that fails, start again.',
      ],
    }),
    unavailable: (v) => ({
      title: 'The password service cannot be reached right now.',
      lines: ['Nothing was changed.', 'Try again in a few minutes.', `Does that not work? ${call(v.phone)}`],
    }),
    internal: (v) => ({
      title: 'Something went wrong on our side.',
      lines: [`Try again. Does that not work? ${call(v.phone)} Mention the reference number below.`],
    }),
  },
  servicedesk: {
    intro: 'Questions? Contact the',
    phone: 'Phone',
    email: 'Email',
    hours: 'Available',
    reference: (id) => `Reference: ${id}`,
    call,
  },
};
