// From the validated `directory` config to connection settings: the secret from the environment or a file,
// the CA from its PEM file. Every problem is a ConfigError naming the field, raised at start-up.
import { readFileSync } from 'node:fs';
import type { ConnectionOptions } from 'node:tls';
import { debuglog } from 'node:util';
import type { AdDirectoryConfig } from '../../config/directory.js';
import { ConfigError, readSecret } from '../../config/load.js';
import type { AdConnectionSettings } from './connection.js';

export function adConnectionSettings(
  config: AdDirectoryConfig,
  env: NodeJS.ProcessEnv = process.env,
): AdConnectionSettings {
  // ldapts writes every request to stderr under NODE_DEBUG=ldapts, the unicodePwd value included.
  if (debuglog('ldapts').enabled) {
    throw new ConfigError(
      'NODE_DEBUG includes "ldapts", which would log new passwords: remove it to use the AD directory',
    );
  }
  return {
    urls: config.urls,
    startTls: config.startTls,
    tls: tlsOptions(config),
    connectMs: config.timeouts.connectMs,
    operationMs: config.timeouts.operationMs,
    bindDn: config.bindDn,
    bindPassword: bindPassword(config.bindPasswordEnv, env),
  };
}

function bindPassword(envVar: string, env: NodeJS.ProcessEnv): string {
  let secret: string | undefined;
  try {
    secret = readSecret(envVar, env);
  } catch (e) {
    throw new ConfigError(`directory.bindPasswordEnv: cannot read ${envVar}_FILE (${(e as Error).message})`);
  }
  if (!secret) {
    throw new ConfigError(
      `directory.bindPasswordEnv: set the environment variable ${envVar} (or ${envVar}_FILE, a file) to the service account's password`,
    );
  }
  return secret;
}

function tlsOptions(config: AdDirectoryConfig): ConnectionOptions {
  // rejectUnauthorized stays at Node's default (true): the DC's certificate is always verified.
  const tls: ConnectionOptions = { minVersion: 'TLSv1.2' };
  if (config.servername) tls.servername = config.servername;
  if (config.caFile) {
    let pem: string;
    try {
      pem = readFileSync(config.caFile, 'utf8');
    } catch (e) {
      throw new ConfigError(`directory.caFile: cannot read ${config.caFile} (${(e as Error).message})`);
    }
    if (!pem.includes('-----BEGIN CERTIFICATE-----')) {
      throw new ConfigError(`directory.caFile: ${config.caFile} holds no PEM certificate`);
    }
    tls.ca = [pem]; // replaces Node's store: only this CA is trusted for the DCs
  }
  return tls;
}
