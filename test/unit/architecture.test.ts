// The boundaries of docs/architecture.md, checked twice: on the source itself (a reviewer's grep, as code), and by planting a
// wrong import in each guarded place and proving the lint rule fails it (a rule that cannot bite proves nothing).
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.(ts|svelte)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
const imports = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/^\s*import\s(type\s)?[^'"]*['"]([^'"]+)['"]/gm)].map((m) => ({
    typeOnly: !!m[1],
    from: m[2]!,
  }));

describe('architecture, on the source', () => {
  it('src-main/core imports nothing from another src-main folder', () => {
    const bad = files('src-main/core').flatMap((f) => {
      const depth = f.split('/').length - 3; // src-main/core/x.ts → 0, src-main/core/ports/x.ts → 1
      const outside = new RegExp(`^(\\.\\./){${depth + 1}}`);
      return imports(f)
        .filter((i) => outside.test(i.from))
        .map((i) => `${f}: ${i.from}`);
    });
    expect(bad).toEqual([]);
  });

  it('src-renderer imports nothing from Node, Electron or zod', () => {
    const bad = files('src-renderer').flatMap((f) =>
      imports(f)
        .filter((i) => /^(electron|node:|fs$|path$|zod)/.test(i.from))
        .map((i) => `${f}: ${i.from}`),
    );
    expect(bad).toEqual([]);
  });

  it('only src-main/directory/ad/ imports ldapts', () => {
    const bad = files('src-main')
      .filter((f) => !f.startsWith('src-main/directory/ad/'))
      .flatMap((f) =>
        imports(f)
          .filter((i) => i.from === 'ldapts')
          .map((i) => `${f}: ${i.from}`),
      );
    expect(bad).toEqual([]);
  });

  it('only main.ts, preload/preload.ts and start/settings-store.ts load electron at run time', () => {
    const entries = ['main.ts', 'preload/preload.ts', 'start/settings-store.ts'].map((f) =>
      join('src-main/electron', f),
    );
    const bad = files('src-main')
      .filter((f) => !entries.includes(f))
      .flatMap((f) =>
        imports(f)
          .filter((i) => !i.typeOnly && /^electron(-store)?$/.test(i.from))
          .map((i) => `${f}: ${i.from}`),
      );
    expect(bad).toEqual([]);
  });

  it('the sandboxed preload imports only its own folder, the contract and electron', () => {
    const bad = files('src-main/electron/preload').flatMap((f) =>
      imports(f)
        .filter((i) => !/^(\.\/[^/]+|\.\.\/\.\.\/core\/contract\.js|electron)$/.test(i.from))
        .map((i) => `${f}: ${i.from}`),
    );
    expect(bad).toEqual([]);
  });
});

describe('architecture, the lint rules bite', () => {
  // The planted files exist only as text, so no TypeScript project knows them: the boundaries are checked without
  // type information (the type-checked rules run on the real files in `npm run lint`).
  const eslint = new ESLint({ overrideConfig: tseslint.configs.disableTypeChecked });
  /** The rule ids and messages eslint reports for `code` as if it were the file `path`. */
  const lint = async (path: string, code: string) =>
    (await eslint.lintText(code, { filePath: path }))[0]!.messages.map((m) => `${m.ruleId}: ${m.message}`);
  const planted: [string, string, string, RegExp][] = [
    [
      'core importing an adapter folder',
      'src-main/core/planted.ts',
      "import { DemoDirectory } from '../directory/demo.js';\nexport const d = DemoDirectory;\n",
      /owns its ports/,
    ],
    [
      'a core port importing an adapter folder',
      'src-main/core/ports/planted.ts',
      "import type { SmsConfig } from '../../config/sms.js';\nexport type S = SmsConfig;\n",
      /owns its ports/,
    ],
    [
      'core importing the composition root',
      'src-main/core/planted.ts',
      "import type { App } from '../app.js';\nexport type A = App;\n",
      /owns its ports/,
    ],
    [
      'core importing libphonenumber',
      'src-main/core/planted.ts',
      "import { parsePhoneNumberFromString } from 'libphonenumber-js/max';\nexport const p = parsePhoneNumberFromString;\n",
      /may import only/,
    ],
    [
      'core importing a host',
      'src-main/core/planted.ts',
      "import Fastify from 'fastify';\nexport const f = Fastify;\n",
      /may import only/,
    ],
    [
      'core importing the file system',
      'src-main/core/planted.ts',
      "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n",
      /may import only/,
    ],
    [
      'renderer importing Node',
      'src-renderer/planted.ts',
      "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n",
      /no Node, no Electron/,
    ],
    [
      'renderer importing zod',
      'src-renderer/planted.ts',
      "import { z } from 'zod';\nexport const s = z.string();\n",
      /zod out of the wizard/,
    ],
    [
      'renderer importing an adapter',
      'src-renderer/planted.ts',
      "import { DemoDirectory } from '../src-main/directory/demo.js';\nexport const d = DemoDirectory;\n",
      /only use the contract/,
    ],
    [
      'a Svelte component importing Electron',
      'src-renderer/Planted.svelte',
      "<script lang=\"ts\">\n  import { ipcRenderer } from 'electron';\n  ipcRenderer.send('x');\n</script>\n",
      /no Node, no Electron/,
    ],
    [
      'a non-entry Electron module loading electron at run time',
      'src-main/electron/planted.ts',
      "import { app } from 'electron';\nexport const a = app;\n",
      /Only src-main\/electron\/main\.ts/,
    ],
    [
      'the preload importing Node',
      'src-main/electron/preload/planted.ts',
      "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n",
      /preload runs sandboxed/,
    ],
    [
      'the preload importing a main-process module',
      'src-main/electron/preload/planted.ts',
      "import { originOf } from '../window/navigation.js';\nexport const o = originOf;\n",
      /preload runs sandboxed/,
    ],
    [
      'the preload importing the core beyond the contract',
      'src-main/electron/preload/planted.ts',
      "import { dispatcher } from '../../core/dispatch.js';\nexport const d = dispatcher;\n",
      /preload runs sandboxed/,
    ],
    [
      'a preload helper loading electron at run time',
      'src-main/electron/preload/planted.ts',
      "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n",
      /Only src-main\/electron\/main\.ts/,
    ],
    [
      'a web-host module loading electron-store',
      'src-main/web/planted.ts',
      "import Store from 'electron-store';\nexport const s = Store;\n",
      /Only src-main\/electron\/main\.ts/,
    ],
    [
      'doctor importing ldapts',
      'src-main/doctor/planted.ts',
      "import { Client } from 'ldapts';\nexport const c = Client;\n",
      /Only src-main\/directory\/ad\/ imports ldapts/,
    ],
    [
      'a report importing ldapts types',
      'src-main/report/planted.ts',
      "import type { Entry } from 'ldapts';\nexport type E = Entry;\n",
      /Only src-main\/directory\/ad\/ imports ldapts/,
    ],
    [
      'the directory factory importing ldapts',
      'src-main/directory/planted.ts',
      "import { Client } from 'ldapts';\nexport const c = Client;\n",
      /Only src-main\/directory\/ad\/ imports ldapts/,
    ],
    [
      'an Electron entry importing ldapts',
      'src-main/electron/main.ts',
      "import { Client } from 'ldapts';\nexport const c = Client;\n",
      /Only src-main\/directory\/ad\/ imports ldapts/,
    ],
    [
      'doctor reaching into the AD adapter',
      'src-main/doctor/planted.ts',
      "import { AdConnector } from '../directory/ad/connection.js';\nexport const c = AdConnector;\n",
      /through directory\/ad\/index\.js only/,
    ],
  ];

  it.each(planted)('%s fails lint', async (_what, path, code, message) => {
    expect((await lint(path, code)).join('\n')).toMatch(message);
  });

  it('the same imports in their rightful places pass', async () => {
    expect(
      await lint(
        'src-main/directory/planted.ts',
        "import type { Directory } from '../core/ports/directory.js';\nexport type D = Directory;\n",
      ),
    ).toEqual([]);
    expect(
      await lint('src-main/directory/ad/planted.ts', "import { Client } from 'ldapts';\nexport const c = Client;\n"),
    ).toEqual([]);
    expect(
      await lint(
        'src-main/doctor/planted.ts',
        "import { probeTls } from '../directory/ad/index.js';\nexport const p = probeTls;\n",
      ),
    ).toEqual([]);
    expect(
      await lint('src-main/electron/planted.ts', "import type { App } from 'electron';\nexport type A = App;\n"),
    ).toEqual([]);
    expect(
      await lint(
        'src-main/electron/preload/planted.ts',
        "import type { IpcRenderer } from 'electron';\nimport { METHODS } from '../../core/contract.js';\nimport { API_KEY } from './channels.js';\nexport type I = IpcRenderer;\nexport const m = [METHODS, API_KEY];\n",
      ),
    ).toEqual([]);
    expect(
      await lint(
        'src-renderer/planted.ts',
        "import { METHODS } from '../src-main/core/contract.js';\nexport const m = METHODS;\n",
      ),
    ).toEqual([]);
  });
});
