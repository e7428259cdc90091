// Lint = the architecture's boundaries, checked by a machine (STYLE.md): the core knows no host,
// the renderer knows no Node or Electron, and nothing outside main ever imports electron at runtime.
import tseslint from 'typescript-eslint';

const hosts = ['electron', 'electron/*', 'fastify', '@fastify/*', 'svelte', 'svelte/*', 'node:http', 'node:https', 'http', 'https'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '**/*.svelte', '.tmp/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src-main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: hosts, message: 'src-main/core knows nothing of Electron, HTTP or Svelte (DESIGN.md: one core, thin hosts).' },
          { group: ['**/web/**', '**/electron/**', '**/metrics/**', 'pino', 'ldapts', 'twilio', 'ioredis', 'prom-client'], message: 'The core talks to adapters through its ports only.' },
        ],
      }],
    },
  },
  {
    files: ['src-renderer/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron', 'electron/*', 'node:*', 'fs', 'path', 'crypto'], message: 'The renderer runs sandboxed in a browser: no Node, no Electron (use window.resetKiosk via api.ts).' },
          { group: ['zod', 'zod/*'], message: 'Keep zod out of the wizard bundle: import contract types with `import type`.' },
          { regex: 'src-main/(?!core/(contract|policy)(\\.(js|ts))?$)', message: 'The renderer may only use the contract and the pure password policy from src-main.' },
        ],
      }],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', allowTypeImports: true, message: 'Tests run under plain Node: import electron for types only.' }] }],
    },
  },
);
