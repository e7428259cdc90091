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
const tries = (n: number | undefined): string[] => {
  if (n === undefined) return [];
  if (n === 0) return ['You cannot try again for a while.'];
  if (n === 1) return ['Please note: you can try 1 more time. After that your username is blocked for a while.'];
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
    username: 'Username', birthdate: 'Date of birth', code: 'Code', password: 'New password',
    done: 'Your password has been reset', offline: 'Not reachable',
  },
  stepOf: (step, total) => `Step ${step} of ${total}`,
  next: 'Next',
  cancel: 'Cancel',
  loading: 'One moment…',
  retry: 'Try again',
  duration,
  idle: {
    title: 'Are you still there?',
    countdown: (s) => `Everything will be cleared in ${duration(s)}.`,
    keepGoing: 'Press any key or tap the screen to continue.',
    wiped: 'The screen was cleared because nothing happened for a while. You can start again.',
  },
  username: {
    heading: 'Forgot your password?',
    intro: 'Here you set a new password yourself. You need:',
    needs: (channel) => ['your username', 'your date of birth', `your mobile phone: the code comes via ${channel}`],
    label: 'Username',
    hint: 'For example A.Janssen, without @ and what follows it.',
    toUnlock: 'Account locked? Unlock your account',
  },
  unlock: {
    heading: 'Unlock your account',
    intro: 'You still know your password, but your account is locked after too many wrong passwords? Unlock it yourself here. You need:',
    needs: (channel) => ['your username', 'your date of birth', `your mobile phone: the code comes via ${channel}`],
    toReset: 'Forgot your password? Choose a new one',
    doneHeading: 'Your account is unlocked',
    doneSuccess: 'Done! You can sign in again with your current password.',
  },
  birthdate: {
    heading: 'Your date of birth',
    intro: 'To check it is you, we ask for your date of birth.',
    for: 'Username:',
    label: 'Date of birth',
    hint: 'dd-mm-yyyy, for example 01-10-1984',
  },
  code: {
    heading: 'Enter the code',
    sentTo: (channel, m, min) => `We sent you a code via ${channel}, on your mobile phone ${m}. The code is valid for ${min} ${min === 1 ? 'minute' : 'minutes'}.`,
    label: 'Code',
    hint: '6 digits',
    resend: 'Send a new code',
    resendIn: (s) => `Send a new code (possible in ${s}\u00a0s)`,
    resent: (m) => `A new code was sent to ${m}.`,
  },
  password: {
    heading: 'Choose a new password',
    intro: 'Enter your new password twice. It must meet our password requirements.',
    label: 'New password',
    repeatLabel: 'Repeat new password',
    show: 'Show passwords',
    hide: 'Hide passwords',
    rulesHeading: 'Our password requirements',
    ruleMet: 'met',
    ruleNotMet: 'not met yet',
    ruleLater: 'checked when you press Next',
    summary: (missing) =>
      missing.length === 0 ? 'Your password meets the requirements we can check now.' : `${missing.length} ${missing.length === 1 ? 'requirement' : 'requirements'} to go: ${missing.join('; ')}.`,
    ruleDomain: 'checked by the domain when you press Next',
    ruleNotChecked: 'cannot be checked on this reset',
  },
  done: {
    heading: 'Your password has been reset',
    success: () => 'Done! You can now sign in with your new password.',
    applicationsIntro: 'Your new password also applies to these applications:',
    finished: (host) => (host === 'kiosk' ? 'You are finished. You can now sign in.' : 'You are finished and may close this window.'),
    returning: (host, s) => (host === 'kiosk' ? `This screen closes in ${s} seconds.` : `In ${s} seconds this screen returns to the start.`),
    again: (host) => (host === 'kiosk' ? 'Close' : 'Back to the start'),
  },
  rules: {
    length: (n) => `At least ${n} characters long`,
    upper: () => 'At least 1 capital letter',
    digit: () => 'At least 1 digit',
    punctuation: () => 'At least 1 punctuation mark, such as ! ? # . -',
    names: () => 'Must not contain your first name, surname or username',
    history: (n) => (n === 1 ? 'Not your previous password' : `Not one of your last ${n} passwords`),
    banned: () => 'Not a common or easy-to-guess password, such as Welkom01!',
  },
  errors: {
    invalid_request: () => ({ title: 'Something went wrong with your input.', lines: ['Start again. If that does not work, call the service desk.'] }),
    username_required: () => ({ title: 'Enter your username.', lines: ['For example A.Janssen, without @ and what follows it.'] }),
    birthdate_format: () => ({ title: 'This date does not exist or is not written correctly.', lines: ['Enter your date of birth as dd-mm-yyyy, for example 01-10-1984.'] }),
    identity_failed: (v) => ({
      title: 'Your date of birth may not have been entered correctly.',
      lines: [
        'Check the date (dd-mm-yyyy) and try again.',
        'Is the date right? Then your mobile number is probably not registered correctly.',
        ...(v.mobileRegistration ? [`Your number is ${v.mobileRegistration}.`] : []),
        ...tries(v.attemptsLeft),
      ],
    }),
    blocked: (v) => {
      if (v.limit === 'user') return { title: 'Too many attempts with this username.', lines: [`To protect your account this is possible again ${inTime(v)}.`, 'Need it sooner? Call the service desk.'] };
      if (v.limit === 'client') return { title: `Too many attempts on ${device(v.host)}.`, lines: [`Try again ${inTime(v)}, or use another computer.`] };
      return { title: 'Too many attempts.', lines: ['Try again later or call the service desk.'] };
    },
    identity_in_progress: () => ({ title: 'Your date of birth is already being checked.', lines: ['One moment, the result follows shortly.'] }),
    session_expired: () => ({ title: 'Your session has expired.', lines: ['Start again with your username.'] }),
    code_format: (v) => ({ title: 'A code has 6 digits.', lines: [`Enter the 6 digits you received via ${v.channel}.`] }),
    code_wrong: (v) => ({ title: 'This code is not correct.', lines: [`Check the code you received via ${v.channel}.`, `You can try ${times(v.attemptsLeft ?? 0)}.`] }),
    code_expired: () => ({ title: 'This code has expired.', lines: ['Ask for a new code below.'] }),
    code_attempts_exceeded: () => ({ title: 'You entered a wrong code too often.', lines: ['This code no longer works.', 'Ask for a new code below.'] }),
    resend_too_soon: (v) => ({ title: 'A new code is not possible yet.', lines: [`Try again ${inTime(v)}.`] }),
    sms_limit: (v) => {
      if (v.limit === 'user') return { title: 'Too many codes have been sent to your phone.', lines: [`A new code is possible ${inTime(v)}.`, 'Need it sooner? Call the service desk.'] };
      if (v.limit === 'client') return { title: `Too many codes have been requested on ${device(v.host)}.`, lines: [`Try again ${inTime(v)}, or use another computer.`] };
      if (v.limit === 'all') return { title: 'No codes can be sent right now.', lines: [`Try again ${inTime(v)} or call the service desk.`] };
      return { title: 'Too many codes have been sent.', lines: ['Try again later or call the service desk.'] };
    },
    sms_failed: () => ({ title: 'The code could not be sent.', lines: ['Try again in a few minutes.'] }),
    password_policy: (v) => ({
      title: 'Your new password does not meet the requirements yet.',
      ...(v.failing?.length ? { lines: ['Not met yet:'], list: v.failing } : { lines: ['Choose another password.'] }),
    }),
    password_mismatch: () => ({ title: 'The two passwords are not the same.', lines: ['Type exactly the same new password twice.'] }),
    password_rejected: () => ({ title: 'This password is not accepted.', lines: ['Choose another password that meets all requirements.'] }),
    password_in_progress: () => ({ title: 'Your new password is already being set.', lines: ['One moment, the result follows shortly.'] }),
    reset_uncertain: () => ({
      title: 'We are not sure whether your password was changed.',
      lines: ['The connection dropped while it was being set.', 'Try to sign in with your new password.', 'If that fails, start again.'],
    }),
    unavailable: () => ({ title: 'The password service cannot be reached right now.', lines: ['Nothing was changed.', 'Try again in a few minutes.'] }),
    internal: () => ({ title: 'Something went wrong on our side.', lines: ['Try again. If that does not work, call the service desk and mention the reference.'] }),
  },
  servicedesk: {
    intro: 'Questions? During office hours, contact',
    phone: 'Phone',
    email: 'Email',
    hours: 'Available',
    reference: (id) => `Reference: ${id}`,
  },
};
