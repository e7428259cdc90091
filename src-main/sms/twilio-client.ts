// One Twilio REST client for Messaging, Verify and the doctor check: credentials from the environment or
// `<VAR>_FILE` (never the config file), a bounded timeout, and an optional base URL for tests and proxies.
// The credentials are checked at start-up; the SDK (≈ 250 ms to import, ≈ 20 MB on disk) is imported by the
// first call that needs it, so a kiosk in local mode is ready without it and an idle host does not hold it.
import type twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient.js';
import { ConfigError, readSecret } from '../config/load.js';
import type { TwilioProviderConfig } from '../config/sms.js';
import { withTimeout } from '../core/timing.js';

export type TwilioClient = twilio.Twilio;
export type TwilioHandle = {
  /** The SDK's client, made on first use (the same promise afterwards). */
  client: () => Promise<TwilioClient>;
  accountSid: string;
  /** `api-key` = Standard/Main API key (SK…); Standard keys cannot read the Account resource. */
  auth: 'auth-token' | 'api-key';
  timeoutMs: number;
};

/**
 * A request client that sends every request to `baseUrl` instead of https://api.twilio.com, https://verify.twilio.com, …
 * BaseTwilio hands the full URI to httpClient.request(), so swapping the origin is enough (twilio-node src/base/BaseTwilio.ts).
 */
function baseUrlRequestClient(
  sdk: typeof twilio,
  baseUrl: string,
  opts: RequestClient.RequestClientOptions,
): RequestClient {
  class BaseUrlRequestClient extends sdk.RequestClient {
    override request<TData>(req: RequestClient.RequestOptions<TData>) {
      const u = new URL(req.uri);
      if (!u.hostname.endsWith('.twilio.com')) throw new Error(`unexpected Twilio host ${u.hostname}`);
      return super.request({ ...req, uri: baseUrl + u.pathname + u.search });
    }
  }
  return new BaseUrlRequestClient(opts);
}

type Credentials = { username: string; password: string; accountSid: string; auth: TwilioHandle['auth'] };

/** Reads the credentials; a missing or malformed one names the variable, never its value. */
export function readTwilioCredentials(
  names: TwilioProviderConfig['secretEnv'],
  env: NodeJS.ProcessEnv = process.env,
): Credentials {
  const get = (name: string) => {
    try {
      return readSecret(name, env);
    } catch (e) {
      throw new ConfigError(`Twilio: cannot read ${name}_FILE: ${(e as Error).message}`);
    }
  };
  const accountSid = get(names.accountSid);
  if (!accountSid)
    throw new ConfigError(`Twilio: set ${names.accountSid} (or ${names.accountSid}_FILE) to the Account SID`);
  if (!/^AC[0-9a-fA-F]{32}$/.test(accountSid))
    throw new ConfigError(`Twilio: ${names.accountSid} is not an Account SID (AC + 32 hex)`);
  const keySid = get(names.apiKeySid);
  if (keySid) {
    if (!/^SK[0-9a-fA-F]{32}$/.test(keySid))
      throw new ConfigError(`Twilio: ${names.apiKeySid} is not an API key SID (SK + 32 hex)`);
    const secret = get(names.apiKeySecret);
    if (!secret)
      throw new ConfigError(
        `Twilio: ${names.apiKeySid} is set, so set ${names.apiKeySecret} (or ${names.apiKeySecret}_FILE) too`,
      );
    return { username: keySid, password: secret, accountSid, auth: 'api-key' };
  }
  const token = get(names.authToken);
  if (!token)
    throw new ConfigError(
      `Twilio: set ${names.authToken} (or ${names.authToken}_FILE), or an API key in ${names.apiKeySid} + ${names.apiKeySecret}`,
    );
  return { username: accountSid, password: token, accountSid, auth: 'auth-token' };
}

export function createTwilioClient(provider: TwilioProviderConfig, env: NodeJS.ProcessEnv = process.env): TwilioHandle {
  const creds = readTwilioCredentials(provider.secretEnv, env);
  // With a custom httpClient, ClientOpts.timeout is ignored: the timeout must go to the RequestClient (twilio-node src/base/BaseTwilio.ts, RequestClient.ts).
  // No autoRetry: a 429 is reported as rate_limited at once instead of holding the kiosk for seconds.
  const opts: RequestClient.RequestClientOptions = { timeout: provider.timeoutMs, keepAlive: true };
  let made: Promise<TwilioClient> | undefined;
  const client = () =>
    (made ??= import('twilio').then(({ default: sdk }) => {
      const httpClient = provider.baseUrl
        ? baseUrlRequestClient(sdk, provider.baseUrl.replace(/\/+$/, ''), opts)
        : new sdk.RequestClient(opts);
      // `env: {}` keeps the SDK from falling back to TWILIO_* variables of the host.
      return sdk(creds.username, creds.password, { accountSid: creds.accountSid, httpClient, env: {} });
    }));
  return { client, accountSid: creds.accountSid, auth: creds.auth, timeoutMs: provider.timeoutMs };
}

/** Thrown by withCallDeadline; mapped to `timeout` like axios' ECONNABORTED. */
export class DeadlineError extends Error {
  readonly code = 'ETIMEDOUT';
  constructor(ms: number) {
    super(`no answer within ${ms} ms`);
    this.name = 'DeadlineError';
  }
}

/**
 * axios' timeout is a socket *idle* timeout: a server that trickles bytes keeps a request alive forever.
 * This backstop bounds the whole call (timeout + 500 ms, so axios normally reports first).
 */
export function withCallDeadline<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  const ms = timeoutMs + 500;
  return withTimeout(work, ms, () => new DeadlineError(ms));
}
