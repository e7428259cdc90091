// resources/config.example.json cannot drift from the schema: it must parse, and every option the schema knows
// (in every branch: AD and demo, each SMS provider, memory and Redis) must be documented in a `$comment`
// of its object or an enclosing one, and present as a value unless it is another branch or optional.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import type { z } from 'zod';
import { parseConfig, stripComments } from '../../../src-main/config/load.js';
import { configSchema } from '../../../src-main/config/schema.js';
import { resourcePath } from '../../../src-main/resources.js';

type Json = Record<string, unknown>;
type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  element?: z.ZodType;
  in?: z.ZodType;
};
const def = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Peels default/optional/prefault/pipe wrappers; `optional`: a plain optional (no default), may be left out. */
function unwrap(s: z.ZodType): { core: z.ZodType; optional: boolean } {
  let optional = false;
  for (;;) {
    const d = def(s);
    if (['default', 'prefault', 'optional', 'nullable', 'readonly', 'catch'].includes(d.type) && d.innerType) {
      optional ||= d.type === 'optional';
      s = d.innerType;
    } else if (d.type === 'pipe' && d.in) s = d.in;
    else return { core: s, optional };
  }
}

/** Every key under a schema (all branches), as dotted paths relative to it. */
function keysUnder(s: z.ZodType): string[] {
  const d = def(unwrap(s).core);
  if (d.type === 'object') return Object.entries(d.shape!).flatMap(([k, v]) => [k, ...keysUnder(v)]);
  if (d.type === 'union') return d.options!.flatMap(keysUnder);
  if (d.type === 'array') return keysUnder(d.element!);
  return [];
}

const commentOf = (v: unknown) =>
  [(v as { $comment?: string | string[] } | undefined)?.$comment ?? ''].flat().join(' ');
const mentions = (comments: string, key: string) => comments.includes(`\`${key}\``);

/** Problems found walking schema and example together; `comments` = the $comment texts in scope. */
function check(s: z.ZodType, value: unknown, path: string, comments: string): string[] {
  const { core } = unwrap(s);
  const d = def(core);
  if (d.type === 'union') {
    const [chosen] = d.options!.filter((o) => o.safeParse(stripComments(value)).success);
    if (!chosen) return [`${path}: matches no branch`];
    const present = new Set(keysUnder(chosen));
    const others = d
      .options!.filter((o) => o !== chosen)
      .flatMap(keysUnder)
      .filter((k) => !present.has(k));
    const scope = comments + commentOf(value);
    return [
      ...check(chosen, value, path, comments),
      ...others.filter((k) => !mentions(scope, k)).map((k) => `${path}.${k}: other branch, not documented`),
    ];
  }
  if (d.type === 'array' && Array.isArray(value))
    return value.flatMap((v, i) => check(d.element!, v, `${path}[${i}]`, comments));
  if (d.type !== 'object') return [];
  const obj = (value ?? {}) as Json;
  const scope = comments + ' ' + commentOf(obj);
  return Object.entries(d.shape!).flatMap(([key, sub]) => {
    const here = path ? `${path}.${key}` : key;
    if (!mentions(scope, key)) return [`${here}: not documented in a $comment`];
    if (key in obj) return check(sub, obj[key], here, scope);
    if (unwrap(sub).optional)
      return keysUnder(sub)
        .filter((k) => !mentions(scope, k))
        .map((k) => `${here}.${k}: not documented`);
    return [`${here}: missing (it has a default: show it)`];
  });
}

const example = JSON.parse(readFileSync(resourcePath('config.example.json'), 'utf8')) as Json;

it('config.example.json parses with the schema', () => {
  const config = parseConfig(example, 'config.example.json');
  expect(config.servicedesk).toMatchObject({ phone: '0485 – 845 900', email: 'servicedesk@pantein.nl' });
  expect(config.applications).toHaveLength(15);
  expect(config.directory.type).toBe('ad');
});

it('documents every option of the schema, and shows every option of the chosen branches', () => {
  expect(check(configSchema, example, '', '')).toEqual([]);
});

it('keeps the defaults where it shows them', () => {
  const defaults = parseConfig({});
  const shown = parseConfig(example);
  for (const k of [
    'organisation',
    'servicedesk',
    'applications',
    'language',
    'password',
    'security',
    'server',
  ] as const) {
    expect({ [k]: shown[k] }).toEqual({
      [k]:
        k === 'servicedesk'
          ? { ...defaults[k], hours: 'ma–vr 8.00–17.00', outOfHours: shown.servicedesk.outOfHours }
          : defaults[k],
    });
  }
  expect(shown.sms.templates).toEqual(defaults.sms.templates);
});

it('the checker itself notices an undocumented or missing option', () => {
  const broken = structuredClone(example) as { server: Json };
  delete broken.server.port;
  broken.server.$comment = 'nothing';
  expect(check(configSchema, broken, '', '')).toEqual(
    expect.arrayContaining(['server.host: not documented in a $comment', 'server.port: not documented in a $comment']),
  );
});
