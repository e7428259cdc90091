// Local mode hands the DPAPI-decrypted AD password to the core through a private env (createApp's
// overrides.env), never through process.env: Chromium's renderer, GPU and utility processes inherit
// process.env. createApp is replaced by a spy that records what it was given and what process.env held then.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../../../src-main/core/ports/log.js';
import { parseSettings } from '../../../../src-main/settings/schema.js';

const seen = vi.hoisted(() => ({
  calls: [] as { overrides: { env?: NodeJS.ProcessEnv } | undefined; processEnvHad: string | undefined }[],
  varName: '',
}));
vi.mock('../../../../src-main/app.js', () => ({
  createApp: vi.fn((config: unknown, _log: unknown, overrides?: { env?: NodeJS.ProcessEnv }) => {
    seen.calls.push({ overrides, processEnvHad: process.env[seen.varName] });
    return Promise.resolve({ service: {}, config, describe: [], close: async () => {} });
  }),
}));
const { setupLocalMode } = await import('../../../../src-main/electron/local/local-mode.js');

const SECRET = 'S3rvice!Pw-local-mode';
const VAR = 'RK_TEST_LOCAL_MODE_AD_PASSWORD';
const cipher = {
  isAsyncEncryptionAvailable: () => Promise.resolve(true),
  encryptStringAsync: (s: string) => Promise.resolve(Buffer.from(`enc:${s}`)),
  decryptStringAsync: (b: Buffer) => Promise.resolve({ result: b.toString().slice(4), shouldReEncrypt: false }),
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rk-local-'));
  seen.calls = [];
  seen.varName = VAR;
  delete process.env[VAR];
});
afterEach(() => {
  delete process.env[VAR];
  rmSync(dir, { recursive: true, force: true });
});

type StartOptions = {
  isPackaged?: boolean;
  trustFile?: (file: string, what: string, mustExist?: boolean) => Promise<void>;
  config?: object;
};

async function start(sealed: boolean, o: StartOptions = {}) {
  const configPath = join(dir, 'config.json');
  writeFileSync(
    configPath,
    JSON.stringify(
      o.config ?? {
        directory: {
          type: 'ad',
          urls: ['ldaps://dc1.zorg.example'],
          baseDns: ['OU=Zorg,DC=zorg,DC=example'],
          bindDn: 'svc@zorg.example',
          bindPasswordEnv: VAR,
        },
        sms: { provider: { type: 'twilio-messaging', from: 'Pantein' } },
      },
    ),
  );
  if (sealed) writeFileSync(join(dir, 'directory-password.bin'), `enc:${SECRET}`);
  return setupLocalMode({
    settings: parseSettings({}),
    kioskId: 'ward-3',
    configPath,
    rendererDir: dir,
    settingsDir: dir,
    userData: dir,
    log: silentLogger,
    ses: { protocol: { handle: () => {} } } as never,
    ipcMain: { handle: () => {} },
    safeStorage: cipher,
    kiosk: () => undefined,
    isPackaged: o.isPackaged ?? false,
    trustFile: o.trustFile ?? (async () => {}),
  });
}

describe('local mode: the AD password', () => {
  it('reaches createApp in a private env and never process.env (which Chromium child processes inherit)', async () => {
    process.env.RK_TEST_LOCAL_MODE_OTHER = 'kept';
    try {
      await start(true);
      expect(seen.calls).toHaveLength(1);
      const { overrides, processEnvHad } = seen.calls[0]!;
      expect(processEnvHad).toBeUndefined(); // not even while the core starts
      expect(process.env[VAR]).toBeUndefined();
      expect(Object.values(process.env)).not.toContain(SECRET);
      expect(overrides?.env).toBeDefined();
      expect(overrides!.env).not.toBe(process.env);
      expect(overrides!.env![VAR]).toBe(SECRET);
      expect(overrides!.env!.RK_TEST_LOCAL_MODE_OTHER).toBe('kept'); // the rest of the environment still reaches the adapters
    } finally {
      delete process.env.RK_TEST_LOCAL_MODE_OTHER;
    }
  });

  it('without a provisioned secret the private env simply lacks it', async () => {
    await start(false);
    expect(seen.calls[0]!.overrides?.env?.[VAR]).toBeUndefined();
    expect(process.env[VAR]).toBeUndefined();
  });
});

describe('local mode: an installed kiosk', () => {
  it("gives its core no environment variable but the AD password (HKCU\\Environment is the kiosk user's)", async () => {
    process.env.RESET_KIOSK_TWILIO_AUTH_TOKEN_FILE = 'C:\\Users\\kiosk\\attacker-token.txt';
    try {
      await start(true, { isPackaged: true });
      expect(seen.calls[0]!.overrides!.env).toEqual({ [VAR]: SECRET });
    } finally {
      delete process.env.RESET_KIOSK_TWILIO_AUTH_TOKEN_FILE;
    }
  });

  it('checks the config file and the CA files it names before the core starts; a refusal stops it', async () => {
    const checked: string[] = [];
    const ca = join(dir, 'dc-ca.pem');
    writeFileSync(ca, 'not read: createApp is a spy');
    const config = {
      directory: {
        type: 'ad',
        urls: ['ldaps://dc1.zorg.example'],
        caFile: ca,
        baseDns: ['OU=Zorg,DC=zorg,DC=example'],
        bindDn: 'svc@zorg.example',
      },
      sms: { provider: { type: 'twilio-messaging', from: 'Pantein' } },
    };
    await start(false, {
      config,
      trustFile: (f, _w, mustExist) => Promise.resolve(void checked.push(`${f} ${mustExist}`)),
    });
    expect(checked).toEqual([`${join(dir, 'config.json')} true`, `${ca} true`]);

    seen.calls = [];
    const refuse = (f: string) =>
      f.endsWith('config.json') ? Promise.reject(new Error(`${f} refused`)) : Promise.resolve();
    await expect(start(false, { config, trustFile: refuse })).rejects.toThrow(/config.json refused/);
    expect(seen.calls).toHaveLength(0); // the core never started
  });
});
