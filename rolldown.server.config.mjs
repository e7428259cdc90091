// The server and admin commands as the package ships them (package.json "bin" → dist/server/bin.js): our code and the
// libraries every start loads (fastify, pino, zod, libphonenumber-js, …) bundled into a few files, so a start reads
// a handful of modules instead of ~400 (module resolution was the largest part of start-up in a CPU profile).
// Each command's and each adapter's dynamic import() stays its own chunk, loaded only when used; the adapters'
// libraries (ldapts, twilio, ioredis) and Electron stay in node_modules. dist/main (tsc) keeps serving the
// Electron kiosk and the tests.
import { defineConfig } from 'rolldown';

export default defineConfig({
  input: { bin: 'src-main/bin.ts' },
  platform: 'node',
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
