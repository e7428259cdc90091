// Codes we generate and check ourselves, sent as a text by any SmsSender (outbox, Twilio Messaging).
import type { Lang, Purpose } from '../core/contract.js';
import { codeMatches, generateCode, hashCode } from '../core/otp.js';
import type { CheckOutcome, CodeChannel, IssuedCode, SendFailure, SmsSender } from '../core/ports/sms.js';

export class LocalCodeChannel implements CodeChannel {
  constructor(
    private readonly sender: SmsSender,
    private readonly message: (code: string, lang: Lang, purpose?: Purpose) => string,
    /** The store's server secret (store/pepper.ts): the stored hash is useless without it. */
    private readonly pepper: Buffer,
  ) {}

  async issue(to: string, lang: Lang, purpose?: Purpose): Promise<{ ok: true; issued: IssuedCode } | SendFailure> {
    const code = generateCode();
    const sent = await this.sender.send(to, this.message(code, lang, purpose));
    if (!sent.ok) return sent;
    return { ok: true, issued: { kind: 'local', ...hashCode(code, this.pepper) } };
  }

  async check(issued: IssuedCode, code: string): Promise<CheckOutcome> {
    if (issued.kind !== 'local') return 'invalid';
    return codeMatches(code, issued, this.pepper) ? 'valid' : 'invalid';
  }
}
