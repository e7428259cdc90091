// A vitest environment for the wizard's modules: Node's globals (fetch, URL, AbortSignal — what a browser has
// too), but modules transformed for the client, so `*.svelte.ts` compiles with Svelte's client runtime
// (signals: $derived follows $state as in the kiosk) instead of the server one. No DOM: tests that need
// `window` or `document` give the few fakes they use.
import type { Environment } from 'vitest/environments';

export default {
  name: 'browser-modules',
  viteEnvironment: 'client',
  setup: () => ({ teardown: () => {} }),
} satisfies Environment;
