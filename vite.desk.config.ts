// Builds the servicedesk page (src-renderer/desk.html, the wizard's components and tokens) into dist/desk, served
// at /desk/ by the admin listener (src-main/web/desk-server.ts). A build of its own, so the wizard's bundle (and its
// size budget, test/e2e/bundle.spec.ts) stays exactly what the kiosk loads. Same CSP rules as the wizard's.
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [svelte({ configFile: false, compilerOptions: { css: 'external' } })],
  build: {
    outDir: '../dist/desk',
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    cssCodeSplit: false,
    reportCompressedSize: true,
    rollupOptions: { input: { desk: 'src-renderer/desk.html' } },
  },
});
