// The server and admin commands as the package ships them (package.json "bin" → dist/server/bin.js): our code and the
// libraries every start loads (fastify, pino, zod, …) bundled into a few files, so a start reads
// a handful of modules instead of ~400 (module resolution was the largest part of start-up in a CPU profile).
// Each command's and each adapter's dynamic import() stays its own chunk, loaded only when used; the adapters'
// libraries (ldapts, twilio, ioredis) and Electron stay in node_modules. dist/main (tsc) keeps serving the
// Electron kiosk and the tests.
import { defineConfig } from 'rolldown';

// fastify's lib/server.js requires node:https and node:http2 when it loads, for a server that may use neither: the
// web host speaks plain HTTP/1.1 (TLS ends at the proxy), only an admin listener with admin.tls uses https. Loading
// them starts OpenSSL's TLS and nghttp2 (≈ 6 MB of RSS, measured by requiring them in a bare node). Here they are
// required when fastify first creates such a server. The build fails if fastify's file no longer has these
// two lines or uses anything else of the two modules, so an upgrade cannot quietly undo or break this.
const EAGER_TRANSPORTS = "const https = require('node:https')\nconst http2 = require('node:http2')\n";
const LAZY_TRANSPORTS =
  "const https = { createServer: (...a) => require('node:https').createServer(...a) }\n" +
  "const http2 = { createServer: (...a) => require('node:http2').createServer(...a), " +
  "createSecureServer: (...a) => require('node:http2').createSecureServer(...a) }\n";
const lazyTransports = {
  name: 'lazy-fastify-transports',
  transform(code, id) {
    if (!/node_modules[\\/]fastify[\\/]lib[\\/]server\.js$/.test(id)) return null;
    const used = new Set([...code.matchAll(/\b(?:https|http2)\.(\w+)\(/g)].map((m) => m[1]));
    const allowed = new Set(['createServer', 'createSecureServer']);
    if (!code.includes(EAGER_TRANSPORTS) || [...used].some((u) => !allowed.has(u)))
      this.error(
        `fastify/lib/server.js changed (${[...used].join(', ')}): revisit lazyTransports in ${import.meta.url}`,
      );
    return code.replace(EAGER_TRANSPORTS, LAZY_TRANSPORTS);
  },
};

export default defineConfig({
  input: { bin: 'src-main/bin.ts' },
  platform: 'node',
  plugins: [lazyTransports],
  external: [
    /^node:/,
    'ldapts',
    'twilio',
    'ioredis',
    'electron',
    'electron-store',
    /^@opentelemetry\//,
    // fastify's JSON Schema compilers (ajv, fast-json-stringify): never loaded, our servers take none
    // (web/no-json-schemas.ts), so their source stays out of the bundle (and out of the heap that keeps it).
    '@fastify/ajv-compiler',
    '@fastify/fast-json-stringify-compiler',
  ],
  output: {
    dir: 'dist/server',
    cleanDir: true,
    format: 'esm',
    entryFileNames: '[name].js',
    chunkFileNames: '[name]-[hash].js',
    sourcemap: false,
    charset: 'ascii',
    comments: false,
  },
});
