// Local mode: main runs the core (createApp) and serves the wizard from app://kiosk; the renderer reaches the
// core only through the preload's IPC channels. The AD service-account password comes from safeStorage.
import type { IpcMain, SafeStorage, Session, WebContents } from 'electron';
import { createApp } from '../../app.js';
import { loadConfig } from '../../config/load.js';
import { kioskTimings, type KioskTimings } from '../../config/runtime.js';
import type { Config } from '../../config/schema.js';
import type { Logger } from '../../core/ports/log.js';
import type { ClientContext } from '../../core/contract.js';
import type { KioskSettingsData } from '../../settings/schema.js';
import type { TrustCheck } from '../trust/file-trust.js';
import { createIpcHandlers, setupIpc } from '../ipc/ipc.js';
import { secretFiles } from '../start/paths.js';
import { APP_ORIGIN, APP_SCHEME, serveAppRequest } from '../window/protocol.js';
import { loadMachineSecret, type MachineUnprotect } from './machine-secret.js';
import { loadDirectorySecret } from './secret.js';
import { trackActiveSession } from '../session/active-session.js';

export type LocalModeOptions = {
  settings: KioskSettingsData;
  kioskId: string;
  configPath: string | undefined;
  rendererDir: string;
  settingsDir: string;
  userData: string;
  log: Logger;
  ses: Session;
  ipcMain: Pick<IpcMain, 'handle'>;
  safeStorage: Pick<SafeStorage, 'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync'>;
  kiosk: () => WebContents | undefined;
  /** An installed kiosk: its core gets no environment variable but the AD password from safeStorage. */
  isPackaged: boolean;
  /** Refuses a config or CA file the kiosk account could change (file-trust.ts). */
  trustFile: TrustCheck;
  /** Installed on Windows: the AD password as install.ps1 keeps it (DPAPI machine scope, machine-secret.ts). */
  machineSecret?: { file: string; unprotect: MachineUnprotect };
};

export type LocalMode = {
  cancelActive(): Promise<void>;
  close(): Promise<void>;
  /** The kiosk's clock from the core config (config/runtime.ts), the same values the wizard gets from info(). */
  timings: KioskTimings;
};

/** The trust anchors a core config names: a changed LDAPS or Redis CA would let a look-alike server in. */
export function configCaFiles(config: Config): string[] {
  const ca = (x: unknown) =>
    x && typeof x === 'object' && typeof (x as { caFile?: unknown }).caFile === 'string'
      ? [(x as { caFile: string }).caFile]
      : [];
  return [...ca(config.directory), ...ca(config.store)];
}

/** The kiosk settings win over the core config where both speak (language, idle and done time). */
export function kioskConfig(
  config: Config,
  s: Pick<KioskSettingsData, 'language' | 'idleSeconds' | 'doneSeconds'>,
): Config {
  return {
    ...config,
    language: s.language,
    security: { ...config.security, idleSeconds: s.idleSeconds, doneSeconds: s.doneSeconds },
  };
}

export async function setupLocalMode(o: LocalModeOptions): Promise<LocalMode> {
  if (o.configPath) await o.trustFile(o.configPath, 'the core config file', true);
  const config = kioskConfig(loadConfig(o.configPath), o.settings);
  for (const ca of configCaFiles(config)) await o.trustFile(ca, 'a CA file named by the core config', true);
  // The directory adapter reads its bind password from the environment variable its config names, in the env
  // createApp is given: a private copy here. Never process.env: Chromium's renderer, GPU and utility processes
  // inherit it, and the password must stay in this (main) process only. Installed, the copy starts empty: the kiosk
  // account can set any variable in HKCU\Environment (RESET_KIOSK_TWILIO_*, <VAR>_FILE…), which would hand an
  // attacker's Twilio account every code sent; secrets come only from safeStorage (the AD password) then.
  const env: NodeJS.ProcessEnv = o.isPackaged ? {} : { ...process.env };
  const passwordEnv = (config.directory as { bindPasswordEnv?: unknown }).bindPasswordEnv;
  if (typeof passwordEnv === 'string') {
    const machine = o.machineSecret
      ? await loadMachineSecret(o.machineSecret.file, o.machineSecret.unprotect)
      : undefined;
    const secret = machine ?? (await loadDirectorySecret(o.safeStorage, secretFiles(o.settingsDir, o.userData)));
    if (secret) env[passwordEnv] = secret;
  }
  const core = await createApp(config, o.log, { env });
  for (const line of core.describe) o.log.info({}, line);

  o.ses.protocol.handle(APP_SCHEME, (req) => serveAppRequest(req.url, o.rendererDir));
  const client: ClientContext = { clientId: `kiosk:${o.kioskId}` };
  const active = trackActiveSession();
  setupIpc(
    o.ipcMain,
    createIpcHandlers(core.service, {
      client,
      appOrigin: APP_ORIGIN,
      log: o.log,
      onCall: (method, req, res) => active.onCall(method, req, res),
    }),
    o.kiosk,
  );

  return {
    async cancelActive() {
      const sessionId = active.take();
      if (sessionId) await core.service.cancel({ sessionId }, client);
    },
    close: () => core.close(),
    timings: kioskTimings(config),
  };
}
