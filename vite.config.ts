// Builds the wizard (src-renderer) into dist/renderer, served by the web host and loaded by the Electron kiosk.
// Both run under a strict CSP (`script-src 'self'; style-src 'self'`), so the output must hold no inline
// script or style: Svelte's CSS goes to an external file and Vite's modulepreload polyfill (an inline
// script) is off — the kiosk's Chromium supports modulepreload natively.
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  root: 'src-renderer',
  // Relative URLs: the kiosk loads index.html from the asar archive, the web host serves it at any path.
  base: './',
  plugins: [svelte({ configFile: false, compilerOptions: { css: 'external' } })],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: { polyfill: false },
    // Never inline assets as data: URLs (the CSP has no data: source) and keep one CSS file.
    assetsInlineLimit: 0,
    cssCodeSplit: false,
    reportCompressedSize: true,
  },
  server: {
    // `vite dev` alone has no API; point it at a running web host (`npm run serve`) for development.
    proxy: { '/api': process.env.RESET_KIOSK_API ?? 'http://127.0.0.1:8080' },
  },
});
