// Builds the wizard (src-renderer) into dist/renderer, served by the web host and loaded by the Electron kiosk.
// Both run under a strict CSP (`script-src 'self'; style-src 'self'`), so the output must hold no inline
// script or style: Svelte's CSS goes to an external file and Vite's modulepreload polyfill (an inline
// script) is off — the kiosk's Chromium supports modulepreload natively.
// The kiosk's offline page takes its words from the same message sets: written here as offline-text.json
// (src-main/electron/central/offline-text.ts), so main, which is compiled without the renderer, can read them.
import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { OFFLINE_TEXT_FILE, offlineTextsFrom } from './src-main/electron/central/offline-text.js';
import { en } from './src-renderer/i18n/en.js';
import { nl } from './src-renderer/i18n/nl.js';

export const offlineTextPlugin = (): Plugin => ({
  name: 'reset-kiosk-offline-text',
  generateBundle() {
    this.emitFile({
      type: 'asset',
      fileName: OFFLINE_TEXT_FILE,
      source: `${JSON.stringify(offlineTextsFrom({ nl, en }), null, 2)}\n`,
    });
  },
});

export default defineConfig({
  root: 'src-renderer',
  // Relative URLs: the kiosk loads index.html from the asar archive, the web host serves it at any path.
  base: './',
  plugins: [svelte({ configFile: false, compilerOptions: { css: 'external' } }), offlineTextPlugin()],
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
