// Two projects. `node`: the product's main-process code, unit and integration tests (Samba, Redis, Twilio fake),
// the logon tile under Wine and the Windows scripts under pwsh.
// `timing`: the proofs that compare response times (enumeration, the admin token check): `npm test` runs them
// after the others, one file at a time, so the load of Samba, Wine and pwsh tests cannot skew their medians.
// `renderer`: the wizard's plain modules and its Svelte 5 state (`*.svelte.ts` uses runes, which only the Svelte
// compiler understands): compiled by the same plugin as the build, for the browser (client runtime, so $derived
// follows $state), and run under Node with a fake fetch / window where a test needs one.
// Workers: vitest's default on this 2-CPU machine is availableParallelism() − 1 = 1, one file at a time, which left
// the machine half idle (load ≈ 1.3) while files waited on Samba, Wine, pwsh, timers and sockets. Three forks keep
// both CPUs busy; the files that hold a worker longest start first (test/helpers/sequencer.ts). RK_VITEST_WORKERS
// overrides it (e.g. 1 to see a file's time alone). The timing project runs with --no-file-parallelism (npm test).
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';
import LongFilesFirst from './test/helpers/sequencer.js';

export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: Number(process.env['RK_VITEST_WORKERS']) || 3,
    sequence: { sequencer: LongFilesFirst },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          server: { deps: { inline: ['electron-store'] } },
          include: [
            'test/unit/**/*.test.ts',
            'test/integration/**/*.test.ts',
            'test/logon-tile/**/*.test.ts',
            'test/windows/**/*.test.ts',
          ],
          exclude: ['test/unit/renderer/**', 'test/**/*.timing.test.ts'],
        },
      },
      { extends: true, test: { name: 'timing', include: ['test/**/*.timing.test.ts'] } },
      {
        extends: true,
        plugins: [svelte({ configFile: false })],
        resolve: { conditions: ['browser'] },
        test: {
          name: 'renderer',
          include: ['test/unit/renderer/**/*.test.ts'],
          environment: './test/unit/renderer/browser-modules.ts',
        },
      },
    ],
  },
});
