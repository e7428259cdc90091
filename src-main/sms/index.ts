// Picks the SMS provider named in the config: the code channel for one-time codes and the sender for notices.
// Twilio's modules (and the twilio SDK, ~20 MB) are imported only when a Twilio provider is configured.
import type { SmsConfig } from '../config/sms.js';
import type { Lang, Purpose } from '../core/contract.js';
import type { Logger } from '../core/ports/log.js';
import type { CodeChannel, SmsSender } from '../core/ports/sms.js';
import { LocalCodeChannel } from './local-code.js';
import { CODE_TEXT, renderMessage } from './messages.js';

export type Sms = { codeChannel: CodeChannel; notices: SmsSender | undefined; describe: string };
export type SmsContext = {
  organisation: string;
  codeTtlSeconds: number;
  env?: NodeJS.ProcessEnv;
  /** store/pepper.ts */ pepper: Buffer;
  servicedeskPhone?: string;
};

/** Throws ConfigError when Twilio credentials are missing or malformed (fail fast at start-up). */
export async function createSms(config: SmsConfig, ctx: SmsContext, log: Logger): Promise<Sms> {
  const minutes = Math.max(1, Math.round(ctx.codeTtlSeconds / 60));
  const codeText = (code: string, lang: Lang, purpose: Purpose = 'reset') =>
    renderMessage(config.templates, CODE_TEXT[purpose], lang, {
      organisation: ctx.organisation,
      code,
      minutes,
      servicedesk: ctx.servicedeskPhone ?? '',
    });
  const provider = config.provider;
  switch (provider.type) {
    case 'outbox': {
      const { defaultOutboxPath, OutboxSender } = await import('./outbox.js');
      const sender = await OutboxSender.open(provider.file ?? defaultOutboxPath(ctx.env));
      return {
        codeChannel: new LocalCodeChannel(sender, codeText, ctx.pepper),
        notices: sender,
        describe: `demo SMS outbox: ${sender.file}`,
      };
    }
    case 'twilio-messaging': {
      const { createTwilioClient } = await import('./twilio-client.js');
      const { describeSender, messagingSenderOf, TwilioMessagesSender } = await import('./twilio-messages.js');
      const twilio = createTwilioClient(provider, ctx.env);
      const from = messagingSenderOf(provider)!; // the schema demands exactly one
      const sender = new TwilioMessagesSender(twilio, from, log);
      warnBaseUrl(provider.baseUrl, log);
      const describe = `SMS: Twilio Messaging ${describeSender(from)} (${twilio.auth}, timeout ${provider.timeoutMs} ms)`;
      log.info({ provider: provider.type, auth: twilio.auth }, describe);
      return { codeChannel: new LocalCodeChannel(sender, codeText, ctx.pepper), notices: sender, describe };
    }
    case 'twilio-verify': {
      const { createTwilioClient } = await import('./twilio-client.js');
      const { describeSender, messagingSenderOf, TwilioMessagesSender } = await import('./twilio-messages.js');
      const { TwilioVerifyChannel } = await import('./twilio-verify.js');
      const twilio = createTwilioClient(provider, ctx.env);
      const from = messagingSenderOf(provider);
      const notices = from && new TwilioMessagesSender(twilio, from, log);
      warnBaseUrl(provider.baseUrl, log);
      let describe = `SMS: Twilio Verify service ${provider.serviceSid} (${twilio.auth}, timeout ${provider.timeoutMs} ms); `;
      describe += from ? `password-changed notices ${describeSender(from)}` : 'password-changed notices off';
      log.info({ provider: provider.type, auth: twilio.auth }, describe);
      // Verify only sends codes: the notice needs a Messaging sender, which is optional for this provider.
      if (!from && config.notifyOnChange) {
        log.warn(
          { provider: provider.type },
          'notifyOnChange is on but Twilio Verify cannot send notices: set sms.provider.from or messagingServiceSid to send them',
        );
      }
      return { codeChannel: new TwilioVerifyChannel(twilio, provider.serviceSid, log), notices, describe };
    }
  }
}

function warnBaseUrl(baseUrl: string | undefined, log: Logger): void {
  if (baseUrl)
    log.warn(
      { baseUrl },
      'sms.provider.baseUrl is set: Twilio requests (with credentials) go there instead of twilio.com — tests and proxies only',
    );
}
