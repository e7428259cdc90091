// Picks the SMS provider named in the config: the code channel for one-time codes and the sender for notices.
import type { SmsConfig } from '../config/sms.js';
import type { Lang } from '../core/contract.js';
import type { Logger } from '../core/log.js';
import { LocalCodeChannel } from './local-code.js';
import { renderMessage } from './messages.js';
import { defaultOutboxPath, OutboxSender } from './outbox.js';
import { createTwilioClient } from './twilio-client.js';
import { describeSender, messagingSenderOf, TwilioMessagesSender } from './twilio-messages.js';
import { TwilioVerifyChannel } from './twilio-verify.js';
import type { CodeChannel, SmsSender } from './types.js';

/** For `doctor`: proves the SMS credentials without sending a text. */
export { checkSmsCredentials, type SmsCheck } from './check.js';

export type Sms = { codes: CodeChannel; notices: SmsSender | undefined; describe: string };
export type SmsContext = { organisation: string; codeTtlSeconds: number; env?: NodeJS.ProcessEnv };

/** Throws ConfigError when Twilio credentials are missing or malformed (fail fast at start-up). */
export async function createSms(config: SmsConfig, ctx: SmsContext, log: Logger): Promise<Sms> {
  const minutes = Math.max(1, Math.round(ctx.codeTtlSeconds / 60));
  const codeText = (code: string, lang: Lang) => renderMessage(config.templates, 'code', lang, { organisation: ctx.organisation, code, minutes });
  const provider = config.provider;
  switch (provider.type) {
    case 'outbox': {
      const sender = new OutboxSender(provider.file ?? defaultOutboxPath());
      return { codes: new LocalCodeChannel(sender, codeText), notices: sender, describe: `demo SMS outbox: ${sender.file}` };
    }
    case 'twilio-messaging': {
      const twilio = createTwilioClient(provider, ctx.env);
      const from = messagingSenderOf(provider)!; // the schema demands exactly one
      const sender = new TwilioMessagesSender(twilio, from, log);
      warnBaseUrl(provider.baseUrl, log);
      const describe = `SMS: Twilio Messaging ${describeSender(from)} (${twilio.auth}, timeout ${provider.timeoutMs} ms)`;
      log.info({ provider: provider.type, auth: twilio.auth }, describe);
      return { codes: new LocalCodeChannel(sender, codeText), notices: sender, describe };
    }
    case 'twilio-verify': {
      const twilio = createTwilioClient(provider, ctx.env);
      const from = messagingSenderOf(provider);
      const notices = from && new TwilioMessagesSender(twilio, from, log);
      warnBaseUrl(provider.baseUrl, log);
      let describe = `SMS: Twilio Verify service ${provider.serviceSid} (${twilio.auth}, timeout ${provider.timeoutMs} ms); `;
      describe += from ? `password-changed notices ${describeSender(from)}` : 'password-changed notices off';
      log.info({ provider: provider.type, auth: twilio.auth }, describe);
      // Verify only sends codes: the notice needs a Messaging sender, which is optional for this provider.
      if (!from && config.notifyOnChange) {
        log.warn({ provider: provider.type }, 'notifyOnChange is on but Twilio Verify cannot send notices: set sms.provider.from or messagingServiceSid to send them');
      }
      return { codes: new TwilioVerifyChannel(twilio, provider.serviceSid, log), notices, describe };
    }
  }
}

function warnBaseUrl(baseUrl: string | undefined, log: Logger): void {
  if (baseUrl) log.warn({ baseUrl }, 'sms.provider.baseUrl is set: Twilio requests (with credentials) go there instead of twilio.com — tests and proxies only');
}
