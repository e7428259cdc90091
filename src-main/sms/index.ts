// Picks the SMS provider named in the config: the code channel for one-time codes and the sender for notices.
import type { SmsConfig } from '../config/sms.js';
import type { Logger } from '../core/log.js';
import { LocalCodeChannel } from './local-code.js';
import { renderMessage } from './messages.js';
import { defaultOutboxPath, OutboxSender } from './outbox.js';
import type { CodeChannel, SmsSender } from './types.js';

export type Sms = { codes: CodeChannel; notices: SmsSender | undefined; describe: string };

export async function createSms(config: SmsConfig, ctx: { organisation: string; codeTtlSeconds: number }, _log: Logger): Promise<Sms> {
  const minutes = Math.max(1, Math.round(ctx.codeTtlSeconds / 60));
  const provider = config.provider;
  switch (provider.type) {
    case 'outbox': {
      const sender = new OutboxSender(provider.file ?? defaultOutboxPath());
      const codes = new LocalCodeChannel(sender, (code, lang) => renderMessage(config.templates, 'code', lang, { organisation: ctx.organisation, code, minutes }));
      return { codes, notices: sender, describe: `demo SMS outbox: ${sender.file}` };
    }
  }
}
