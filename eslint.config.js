// Lint = the architecture's boundaries, checked by a machine (docs/architecture.md): the core knows no adapter and no host,
// the renderer knows no Node or Electron, the preload knows no Node and no main-process module, and only the three
// Electron entry files import electron at run time.
// test/unit/architecture.test.ts plants a wrong import for each rule and proves that it fails.
import svelte from 'eslint-plugin-svelte';
import tseslint from 'typescript-eslint';

/** What the core may import besides its own files: pure libraries and Node's crypto and timers. */
const CORE_MAY_IMPORT = ['node:crypto', 'node:timers/promises', 'zod', 'rate-limiter-flexible'];
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const coreRules = (outOfCore) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        {
          regex: outOfCore,
          message:
            'src-main/core owns its ports: it imports nothing from adapters, hosts or the composition root (docs/architecture.md: one core, thin hosts).',
        },
        {
          regex: `^(?!\\.|(${CORE_MAY_IMPORT.map(escape).join('|')})$)`,
          message: `src-main/core may import only its own files and ${CORE_MAY_IMPORT.join(', ')}: adapters (ldapts, twilio, ioredis, libphonenumber-js, pino …) come in through core/ports.`,
        },
      ],
    },
  ],
});

const rendererRule = {
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        {
          group: ['electron', 'electron/*', 'electron-store', 'node:*', 'fs', 'path', 'crypto', 'os', 'child_process'],
          message: 'The renderer runs sandboxed in a browser: no Node, no Electron (use window.resetKiosk via api.ts).',
        },
        { group: ['zod', 'zod/*'], message: 'Keep zod out of the wizard bundle: contract.ts is zod-free.' },
        {
          regex: 'src-main/(?!core/(contract|policy|kiosk-signal)(\\.(js|ts))?$)',
          message:
            'The renderer may only use the contract, the pure password policy and the kiosk signals from src-main.',
        },
      ],
    },
  ],
};

/** Only these files load Electron at run time; everything else imports its types (tests and Node can load them). */
const ELECTRON_ENTRIES = [
  'src-main/electron/main.ts',
  'src-main/electron/preload/preload.ts',
  'src-main/electron/start/settings-store.ts',
];
const electronPaths = ['electron', 'electron-store'].map((name) => ({
  name,
  allowTypeImports: true,
  message: `Only ${ELECTRON_ENTRIES.join(', ')} import ${name} at run time (import type elsewhere).`,
}));
const electronTypesOnly = { 'no-restricted-imports': ['error', { paths: electronPaths }] };

/** Active Directory has one home: only src-main/directory/ad/ imports ldapts, and others use it through its index. */
const AD_HOME = 'src-main/directory/ad/**/*.ts';
const adOnlyAtHome = (electron) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: [
        ...(electron ? electronPaths : []),
        {
          name: 'ldapts',
          message:
            'Only src-main/directory/ad/ imports ldapts: add a narrow function there and export it from directory/ad/index.ts.',
        },
      ],
      patterns: [
        {
          regex: '(^|/)directory/ad/(?!index(\\.js)?$)',
          message: 'Outside src-main/directory/ad/, use the AD adapter through directory/ad/index.js only.',
        },
      ],
    },
  ],
});

/**
 * The preload runs in the sandboxed renderer (Electron security checklist #4, #20): it is bundled alone into
 * preload.cjs, so it may import only its own folder, the zod-free contract and electron (contextBridge,
 * ipcRenderer). No Node module (the sandbox has none) and nothing of the main process (ipc/, window/, …).
 */
const preloadRule = (entry) => ({
  'no-restricted-imports': [
    'error',
    {
      ...(entry ? {} : electronTypesOnly['no-restricted-imports'][1]),
      patterns: [
        {
          regex: '^(?!\\./[^/]+$|\\.\\./\\.\\./core/contract\\.js$|electron$)',
          message:
            'src-main/electron/preload runs sandboxed: it imports only its own files, ../../core/contract.js and electron — no Node, no main-process module.',
        },
      ],
    },
  ],
});

/**
 * Type-checked rules (typescript-eslint recommendedTypeChecked) on every TypeScript file, with one type program per
 * tsconfig: the Node side (product, benchmark, tests, tool configs) through tsconfig.json, the browser side (the
 * wizard and the servicedesk pages, their .svelte files and their unit tests) through tsconfig.renderer.json.
 * The plain-Node .mjs scripts (test/e2e/find-browser.mjs …) stay on the untyped rules: they have no types to check.
 * test/unit/lint-config.test.ts proves that no .ts or .svelte file falls outside these globs.
 */
const NODE_TYPED = ['src-main/**/*.ts', 'bench/**/*.ts', 'test/**/*.ts', '*.config.ts'];
const RENDERER_TYPED = ['src-renderer/**/*.ts', 'src-renderer/**/*.svelte', 'test/unit/renderer/**/*.ts'];
const typed = (files, ignores, parserOptions) =>
  tseslint.configs.recommendedTypeChecked.map((c) => ({
    ...c,
    files,
    ignores,
    languageOptions: {
      ...c.languageOptions,
      parserOptions: { ...parserOptions, tsconfigRootDir: import.meta.dirname },
    },
  }));

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.tmp/**',
      'src-logon-tile/build*/**',
    ],
  },
  ...tseslint.configs.recommended,
  ...typed(NODE_TYPED, ['test/unit/renderer/**'], { projectService: true }),
  ...typed(RENDERER_TYPED, [], { project: './tsconfig.renderer.json' }),
  ...svelte.configs['flat/recommended'],
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: {
        parser: tseslint.parser,
        project: './tsconfig.renderer.json',
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.svelte'],
      },
    },
    // eslint-plugin-svelte's runes-aware prefer-const in place of the core rule (its docs say to turn the core one
    // off): `let { … } = $props()` is how Svelte 5 declares props, not a variable that should be const.
    rules: { 'prefer-const': 'off', 'svelte/prefer-const': 'error' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  { files: ['src-main/**/*.ts'], ignores: [...ELECTRON_ENTRIES, AD_HOME], rules: adOnlyAtHome(true) },
  { files: ELECTRON_ENTRIES, rules: adOnlyAtHome(false) },
  { files: [AD_HOME], rules: electronTypesOnly },
  { files: ['src-main/core/*.ts'], rules: coreRules('^\\.\\./') },
  { files: ['src-main/core/*/**/*.ts'], rules: coreRules('^\\.\\./\\.\\./') },
  { files: ['src-renderer/**/*.ts', 'src-renderer/**/*.svelte'], rules: rendererRule },
  { files: ['src-main/electron/preload/**/*.ts'], ignores: ELECTRON_ENTRIES, rules: preloadRule(false) },
  { files: ['src-main/electron/preload/preload.ts'], rules: preloadRule(true) },
  { files: ['test/**/*.ts', 'bench/**/*.ts'], rules: electronTypesOnly },
);
