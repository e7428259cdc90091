// The composition root says at start-up what an admin must know (printed by `serve`, logged as warnings), and
// reads its secrets from the env it is given (AppOverrides.env), never from process.env behind the caller's back.
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src-main/app.js';
import { parseConfig } from '../../src-main/config/load.js';
import { DemoDirectory } from '../../src-main/directory/demo.js';
import { bindClient } from '../helpers/bind-client.js';
import { demoApp } from '../helpers/demo-app.js';
import { captureLog } from '../helpers/log-capture.js';
import { walkTo } from '../helpers/walk.js';

const ad = {
  type: 'ad',
  urls: ['ldaps://dc1.zorg.example'],
  baseDns: ['OU=Zorg,DC=zorg,DC=example'],
  bindDn: 'svc@zorg.example',
};
const sms = { provider: { type: 'outbox', allowRealDirectory: true, file: '/dev/null' } };

async function startup(security: object) {
  const log = captureLog();
  const app = await createApp(parseConfig({ directory: ad, sms, security }), log, {
    directory: DemoDirectory.load(),
    env: {},
  });
  await app.close();
  return {
    describe: app.describe,
    warnings: log
      .records()
      .filter((r) => r.level === 'warn')
      .map((r) => r.msg),
  };
}

describe('start-up warnings', () => {
  it('warn when the identity answers are not padded enough to hide which accounts exist', async () => {
    const low = await startup({ identityFloorMs: 0 });
    expect(low.describe.join('\n')).toMatch(/WARNING: security\.identityFloorMs is 0 ms/);
    expect(low.warnings).toEqual([expect.stringMatching(/identityFloorMs is 0 ms/)]);
    expect((await startup({})).warnings).toEqual([]);
  });
});

describe('secrets come from the env the app is given', () => {
  /** The audit's name for an unknown typed name, on an app whose env holds `key` as the pseudonym key. */
  async function pseudonymOf(typed: string, key: string | undefined) {
    const d = await demoApp({ overrides: { env: key === undefined ? {} : { RESET_KIOSK_PSEUDONYM_KEY: key } } });
    await walkTo(bindClient(d.app.service, { clientId: 'k1' }), d.lastCode, 'identity', {
      username: typed,
      birthdate: '01-01-1990',
    });
    await d.close();
    return d.audit.find((e) => e.step === 'start')!.user;
  }

  it('RESET_KIOSK_PSEUDONYM_KEY links pseudonyms across hosts with the same key, and only those', async () => {
    const a = await pseudonymOf('no.such.person', 'shared key of every host');
    expect(a).toMatch(/^~[0-9a-f]{12}$/);
    expect(await pseudonymOf('no.such.person', 'shared key of every host')).toBe(a);
    expect(await pseudonymOf('no.such.person', 'another key')).not.toBe(a);
    expect(await pseudonymOf('no.such.person', undefined)).not.toBe(a); // no key: a random one per process start
  });
});
