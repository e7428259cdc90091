// SmsSender over Twilio Programmable Messaging (`client.messages.create`), from a number/sender ID or a
// Messaging Service. Used for codes (through LocalCodeChannel, which generates, hashes and checks them) and for
// the "password changed" notice. Never throws: every failure becomes a SendFailure with the provider's code.
import type { Logger } from '../core/ports/log.js';
import { maskMobile } from './phone.js';
import { withCallDeadline, type TwilioHandle } from './twilio-client.js';
import { describeTwilioError, sendFailureFrom } from './twilio-errors.js';
import type { SendOutcome, SmsSender } from '../core/ports/sms.js';

export type MessagingSender = { from: string } | { messagingServiceSid: string };

/** The sender fields of a provider config, or undefined when neither is set (Verify without notices). */
export function messagingSenderOf(p: {
  from?: string | undefined;
  messagingServiceSid?: string | undefined;
}): MessagingSender | undefined {
  if (p.messagingServiceSid) return { messagingServiceSid: p.messagingServiceSid };
  if (p.from) return { from: p.from };
  return undefined;
}

export const describeSender = (s: MessagingSender): string =>
  'from' in s ? `from ${s.from}` : `Messaging Service ${s.messagingServiceSid}`;

export class TwilioMessagesSender implements SmsSender {
  constructor(
    private readonly twilio: TwilioHandle,
    private readonly sender: MessagingSender,
    private readonly log: Logger,
  ) {}

  async send(to: string, body: string): Promise<SendOutcome> {
    try {
      // The SDK's first import is not the call: the deadline starts after it.
      const client = await this.twilio.client();
      const msg = await withCallDeadline(client.messages.create({ to, body, ...this.sender }), this.twilio.timeoutMs);
      // 'failed'/'undelivered' can come back synchronously for a number Twilio already knows is unreachable.
      if (msg.status === 'failed' || msg.status === 'undelivered') {
        this.log.warn(
          {
            provider: 'twilio-messaging',
            recipient: maskMobile(to),
            status: msg.status,
            providerCode: msg.errorCode ?? undefined,
          },
          'twilio refused the message',
        );
        return { ok: false, reason: 'provider_error', providerCode: msg.errorCode ?? msg.status };
      }
      return msg.sid ? { ok: true, ref: msg.sid } : { ok: true };
    } catch (e) {
      const failure = sendFailureFrom(e);
      // `recipient`, not `to`: pino redacts `to`; the masked form is what the admin needs to match a complaint.
      this.log.warn(
        { provider: 'twilio-messaging', recipient: maskMobile(to), reason: failure.reason, ...describeTwilioError(e) },
        'twilio message not sent',
      );
      return failure;
    }
  }
}
