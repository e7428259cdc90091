// The web host's outer edge: what happens before a request reaches a route. Node's HTTP parser refuses broken
// requests (400), huge headers (431) and slow clients (408) itself, and fastify answers a bad URL (400) without
// running its hooks; left alone, both answer in their own format, without the product's security headers, and
// fastify echoes the raw path back. Here they answer like every other refusal: `{ ok: false, code }`, the same
// headers, nothing of the request. Timeouts and the connection cap: config/server.ts.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ServerOptions } from 'node:http';
import type { Socket } from 'node:net';
import type { ServerConfig } from '../config/server.js';
import type { Logger } from '../core/ports/log.js';

// node:http's reason phrases, taken from the module object. An ESM `import … from 'node:http'` builds its namespace
// from every export, which runs node:http's lazy getters (WebSocket, CloseEvent, MessageEvent) and so loads undici
// with tls, http2 and zlib: ≈ 6 MB of RSS in a host that speaks plain HTTP/1.1 (checked with process.moduleLoadList).
const { STATUS_CODES } = process.getBuiltinModule('node:http');

/** Everything the wizard does not use, denied (it uses no device, sensor, payment or window feature). */
export const PERMISSIONS_POLICY = [
  'accelerometer',
  'autoplay',
  'bluetooth',
  'camera',
  'clipboard-read',
  'clipboard-write',
  'display-capture',
  'encrypted-media',
  'fullscreen',
  'gamepad',
  'geolocation',
  'gyroscope',
  'hid',
  'idle-detection',
  'local-fonts',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'picture-in-picture',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'usb',
  'web-share',
  'xr-spatial-tracking',
]
  .map((f) => `${f}=()`)
  .join(', ');

const REFUSED = JSON.stringify({ ok: false, code: 'invalid_request' });
/** Headers that describe one answer, not the host's policy: never copied from the sample. */
const PER_ANSWER = new Set([
  'content-type',
  'content-length',
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'etag',
  'last-modified',
]);

/** Node and fastify options for `server.timeouts` and the parser limits. */
export function httpLimits(cfg: ServerConfig): {
  connectionTimeout: number;
  keepAliveTimeout: number;
  requestTimeout: number;
  http: ServerOptions;
} {
  const t = cfg.timeouts;
  return {
    connectionTimeout: t.idleSeconds * 1000,
    keepAliveTimeout: t.keepAliveSeconds * 1000,
    requestTimeout: t.requestSeconds * 1000,
    // Node checks the header and request timeouts on this interval (default 30 s): check every second.
    http: {
      headersTimeout: t.headersSeconds * 1000,
      requestTimeout: t.requestSeconds * 1000,
      connectionsCheckingInterval: 1000,
      maxHeaderSize: 8 * 1024,
    },
  };
}

/** The refusals fastify and Node make before the routes, in the product's format. */
export class ErrorEdge {
  /** The security headers every answer carries, read from a real answer at start-up (learnHeaders). */
  private headers: Record<string, string> = {};

  constructor(private readonly log: Logger) {}

  /** Reads the headers of one ordinary answer (`/healthz`), so these refusals carry exactly the same ones. */
  async learnHeaders(server: FastifyInstance, url = '/healthz'): Promise<void> {
    const sample = await server.inject({ method: 'GET', url });
    const policy = Object.entries(sample.headers).filter(([name, v]) => !PER_ANSWER.has(name) && typeof v === 'string');
    this.headers = Object.fromEntries(policy) as Record<string, string>;
    if (!this.headers['content-security-policy']) throw new Error('web host: no security headers on a sample answer');
  }

  /** fastify's `frameworkErrors`: a URL it cannot decode (FST_ERR_BAD_URL) or a too long parameter. */
  readonly frameworkErrors = (err: { code?: string }, req: FastifyRequest, reply: FastifyReply): void => {
    this.log.info({ client: req.ip, refused: err.code }, 'request refused before routing');
    void reply.code(400).headers(this.headers).type('application/json; charset=utf-8').send(REFUSED);
  };

  /** Node's `clientError`: the parser refused the request (or the client was too slow); answer and close. */
  readonly clientErrorHandler = (err: NodeJS.ErrnoException, socket: Socket): void => {
    if (err.code === 'ECONNRESET' || socket.destroyed) return;
    const status = err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : err.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
    this.log.info({ client: socket.remoteAddress, status, refused: err.code }, 'request refused by the HTTP parser');
    if (socket.writable) {
      const head = Object.entries({
        ...this.headers,
        'content-type': 'application/json; charset=utf-8',
        'content-length': String(Buffer.byteLength(REFUSED)),
        connection: 'close',
      });
      socket.end(
        `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${head.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n${REFUSED}`,
      );
    }
    setTimeout(() => socket.destroy(), 1000).unref(); // a client that does not read its answer is not waited for
  };
}
