// For `doctor`: proves the SMS credentials and sender WITHOUT sending a text, by reading resources only.
//   auth token → GET the Account (active? trial?)   API key → skipped: Standard keys may not read /Accounts (Twilio docs)
//   Verify     → GET the service (exists? code length 6, which the wizard expects)
//   sender     → GET the Messaging Service, or look the `from` number up among the account's numbers
// With an API key and an alphanumeric sender, listing one incoming number proves the key.
import type { SmsConfig } from '../config/sms.js';
import type { Logger } from '../core/ports/log.js';
import { createTwilioClient, withCallDeadline, type TwilioHandle } from './twilio-client.js';
import { describeTwilioError } from './twilio-errors.js';
import { messagingSenderOf } from './twilio-messages.js';

export type SmsCheck = { ok: boolean; detail: string };

/** Takes the whole config (or anything with `sms`); never logs or returns a secret. */
export async function checkSmsCredentials(
  config: { sms: SmsConfig },
  log: Logger,
  env: NodeJS.ProcessEnv = process.env,
): Promise<SmsCheck> {
  const result = await runChecks(config.sms, env);
  if (result.ok) log.info({ check: 'sms', ok: true, detail: result.detail }, 'sms credentials check');
  else log.error({ check: 'sms', ok: false, detail: result.detail }, 'sms credentials check');
  return result;
}

async function runChecks(sms: SmsConfig, env: NodeJS.ProcessEnv): Promise<SmsCheck> {
  const p = sms.provider;
  if (p.type === 'outbox')
    return { ok: true, detail: 'demo outbox: no SMS account to check (codes are written to a file)' };
  let twilio: TwilioHandle;
  let client: Awaited<ReturnType<TwilioHandle['client']>>;
  try {
    twilio = createTwilioClient(p, env);
    client = await twilio.client();
  } catch (e) {
    return { ok: false, detail: (e as Error).message };
  }
  const notes: string[] = [];
  const call = <T>(what: string, work: () => Promise<T>) =>
    withCallDeadline(work(), twilio.timeoutMs).catch((e: unknown) =>
      Promise.reject(new Error(`${what}: ${explain(e)}`)),
    );
  try {
    if (twilio.auth === 'auth-token') {
      const account = await call('account', () => client.api.v2010.accounts(twilio.accountSid).fetch());
      if (account.status !== 'active')
        return { ok: false, detail: `Twilio account ${twilio.accountSid} is ${account.status}` };
      notes.push(`account ${twilio.accountSid} active`);
      if (account.type === 'Trial') notes.push('WARNING: trial account, only verified numbers receive texts (21608)');
    } else notes.push(`API key for account ${twilio.accountSid}`);

    if (p.type === 'twilio-verify') {
      const svc = await call(`Verify service ${p.serviceSid}`, () => client.verify.v2.services(p.serviceSid).fetch());
      if (svc.codeLength !== 6)
        return {
          ok: false,
          detail: `Verify service ${p.serviceSid} sends ${svc.codeLength}-digit codes; set its code length to 6`,
        };
      notes.push(`Verify service "${svc.friendlyName}" (its name appears in the text)`);
    }
    const sender = messagingSenderOf(p);
    if (sender && 'messagingServiceSid' in sender) {
      const svc = await call(`Messaging Service ${sender.messagingServiceSid}`, () =>
        client.messaging.v1.services(sender.messagingServiceSid).fetch(),
      );
      notes.push(`Messaging Service "${svc.friendlyName}"`);
    } else if (sender && sender.from.startsWith('+')) {
      const numbers = await call('incoming numbers', () =>
        client.incomingPhoneNumbers.list({ phoneNumber: sender.from, limit: 1 }),
      );
      if (numbers.length === 0)
        return { ok: false, detail: `${notes.join('; ')}; but ${sender.from} is not a number of this account` };
      notes.push(`sender ${sender.from} belongs to the account`);
    } else if (sender) {
      // Nothing above has used an API key yet in this case: one harmless read proves it.
      if (twilio.auth === 'api-key' && p.type === 'twilio-messaging')
        await call('API key', () => client.incomingPhoneNumbers.list({ limit: 1 }));
      notes.push(`alphanumeric sender "${sender.from}" (cannot be checked without sending)`);
    }
    if (!sender && sms.notifyOnChange)
      notes.push('password-changed notices off (Verify without a from/messagingServiceSid)');
    if (p.baseUrl) notes.push(`WARNING: baseUrl ${p.baseUrl} replaces twilio.com (tests/proxies only)`);
    return { ok: true, detail: `Twilio OK: ${notes.join('; ')}` };
  } catch (e) {
    return { ok: false, detail: (e as Error).message };
  }
}

function explain(e: unknown): string {
  const f = describeTwilioError(e);
  if (f.status === 401 || f.providerCode === 20003)
    return 'Twilio refused the credentials (20003): check the Account SID and token/key';
  if (f.status === 403)
    return 'the credentials may not read this (403): a Standard API key cannot read the Account resource';
  if (f.status === 404) return `not found in this account (${f.providerCode ?? 404})`;
  const code = f.providerCode ?? f.errno ?? f.status;
  return `Twilio unreachable or failing${code === undefined ? '' : ` (${code})`}: ${f.detail}`;
}
