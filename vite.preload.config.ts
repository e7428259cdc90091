// Bundles the sandboxed preload into one CommonJS file: sandboxed preloads can neither be ESM nor load our
// other modules at runtime, so preload.ts and the channel table are inlined; only `electron` stays a require.
import { defineConfig } from 'vite';

export default defineConfig({
  publicDir: false, // nothing but the bundle lands in dist/main/electron
  build: {
    outDir: 'dist/main/electron',
    emptyOutDir: false, // tsc writes main's files into the same folder
    target: 'es2022', // runs in the sandboxed renderer (Chromium), not in Node
    minify: false, // reviewers (and electronegativity on the asar) read it
    sourcemap: false,
    reportCompressedSize: false,
    lib: {
      entry: 'src-main/electron/preload/preload.ts',
      formats: ['cjs'],
      fileName: () => 'preload.cjs',
    },
    rolldownOptions: { external: ['electron'] },
  },
});
