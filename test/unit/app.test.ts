// The composition root says at start-up what an admin must know (printed by `serve`, logged as warnings).
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src-main/app.js';
import { parseConfig } from '../../src-main/config/load.js';
import { DemoDirectory } from '../../src-main/directory/demo.js';

const ad = { type: 'ad', urls: ['ldaps://dc1.zorg.example'], baseDns: ['OU=Zorg,DC=zorg,DC=example'], bindDn: 'svc@zorg.example' };
const sms = { provider: { type: 'outbox', allowRealDirectory: true, file: '/dev/null' } };

async function startup(security: object) {
  const warnings: string[] = [];
  const log = { info() {}, error() {}, warn: (_o: object, msg?: string) => void warnings.push(msg ?? '') };
  const app = await createApp(parseConfig({ directory: ad, sms, security }), log, { directory: DemoDirectory.load() });
  await app.close();
  return { describe: app.describe, warnings };
}

describe('start-up warnings', () => {
  it('warn when the identity answers are not padded enough to hide which accounts exist', async () => {
    const low = await startup({ identityFloorMs: 0 });
    expect(low.describe.join('\n')).toMatch(/WARNING: security\.identityFloorMs is 0 ms/);
    expect(low.warnings).toEqual([expect.stringMatching(/identityFloorMs is 0 ms/)]);
    expect((await startup({})).warnings).toEqual([]);
  });
});
