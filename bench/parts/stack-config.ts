// The config of the benchmarked web host: the real AD adapter against the bench DC (or the demo directory),
// the SMS outbox to a temp file, no identity floor (it would only measure a sleep).
import type { Dc } from '../lib/samba.js';

export function adHostConfig(dc: Dc, outbox: string): { config: unknown; env: NodeJS.ProcessEnv } {
  return {
    config: {
      directory: { type: 'ad', urls: [dc.url], caFile: dc.ca, baseDns: [dc.kioskOu], bindDn: dc.bindDn },
      sms: { provider: { type: 'outbox', file: outbox, allowRealDirectory: true }, notifyOnChange: false },
      security: { identityFloorMs: 0 },
    },
    env: { RESET_KIOSK_AD_PASSWORD: dc.bindPassword },
  };
}

export const demoHostConfig = (outbox: string): { config: unknown } => ({
  config: {
    sms: { provider: { type: 'outbox', file: outbox }, notifyOnChange: false },
    security: { identityFloorMs: 0 },
  },
});

/** A kiosk in local mode: the AD config above with Twilio Messaging instead of the outbox (fake credentials). */
export function twilioLocalConfig(ad: { config: unknown; env: NodeJS.ProcessEnv }): {
  config: unknown;
  env: NodeJS.ProcessEnv;
} {
  const config = ad.config as Record<string, unknown>;
  return {
    config: { ...config, sms: { provider: { type: 'twilio-messaging', from: 'Pantein' } } },
    env: {
      ...ad.env,
      RESET_KIOSK_TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`,
      RESET_KIOSK_TWILIO_AUTH_TOKEN: '0'.repeat(32),
    },
  };
}
