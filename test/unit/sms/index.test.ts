// createSms's outbox branch (the demo): codes we generate go out as the configured text, notices through the
// same outbox, and the file is the config's or the one the env names (never process.env behind the caller's
// back). The Twilio branches run against the fake Twilio server: test/integration/sms.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src-main/config/load.js';
import { createSms } from '../../../src-main/sms/index.js';
import { captureLog } from '../../helpers/log-capture.js';
import { lastCode, readOutbox } from '../../helpers/sms.js';

const dir = mkdtempSync(join(tmpdir(), 'rk-sms-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ctx = { organisation: 'Pantein', codeTtlSeconds: 300, pepper: randomBytes(32), servicedeskPhone: '0485 845 900' };

describe('createSms (outbox)', () => {
  it('writes to the file the env names when the config names none', async () => {
    const file = join(dir, 'from-env.jsonl');
    const sms = await createSms(parseConfig({}).sms, { ...ctx, env: { RESET_KIOSK_OUTBOX: file } }, captureLog());
    expect(sms.describe).toBe(`demo SMS outbox: ${file}`);
    const issued = await sms.codeChannel.issue('+31612345678', 'nl');
    expect(issued).toMatchObject({ ok: true, issued: { kind: 'local' } });
    const code = lastCode(readOutbox(file), '+31612345678');
    expect(readOutbox(file)[0]!.body).toBe(
      `Pantein: je wachtwoordcode voor een nieuw wachtwoord is ${code}. 5 minuten geldig. Niet aangevraagd? Bel 0485 845 900.`,
    );
    if (!issued.ok) throw new Error('not issued');
    expect(await sms.codeChannel.check(issued.issued, code)).toBe('valid');
    expect(await sms.codeChannel.check(issued.issued, code === '000000' ? '000001' : '000000')).toBe('invalid');
  });

  it("prefers the config's file, and sends notices through the same outbox", async () => {
    const file = join(dir, 'from-config.jsonl');
    const config = parseConfig({
      sms: {
        provider: { type: 'outbox', file },
        templates: { code: { nl: 'code {code}', en: 'code {code} ({minutes} min)' } },
      },
    });
    const sms = await createSms(
      config.sms,
      { ...ctx, codeTtlSeconds: 90, env: { RESET_KIOSK_OUTBOX: join(dir, 'not-this.jsonl') } },
      captureLog(),
    );
    await sms.codeChannel.issue('+31612345678', 'en');
    await sms.notices!.send('+31612345678', 'gewijzigd');
    expect(readOutbox(file).map((t) => t.body)).toEqual([expect.stringMatching(/^code \d{6} \(2 min\)$/), 'gewijzigd']); // 90 s rounds to 2 minutes
    expect(readOutbox(join(dir, 'not-this.jsonl'))).toEqual([]);
  });
});
