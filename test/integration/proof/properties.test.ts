// Every API method through the web host, fed ≥ 10 000 generated inputs each: well-formed bodies with hostile
// strings, real session ids at every step, wrong types, extra fields, arbitrary JSON and broken JSON. Never a
// 5xx, always a result code from the contract, never an unhandled rejection.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, METHODS, type Method } from '../../../src-main/core/contract.js';
import { ANNA, ELEONORE, MARIEKE } from '../../helpers/demo-users.js';
import { webHost, type WebHost } from '../../helpers/web-host.js';

const RUNS = 10_000;
let host: WebHost;
const rejections: unknown[] = [];
const onRejection = (e: unknown) => void rejections.push(e);

beforeAll(async () => {
  process.on('unhandledRejection', onRejection);
  host = await webHost();
});
afterAll(async () => {
  process.off('unhandledRejection', onRejection);
  await host.stop();
});

/** Fresh session ids at a given step, so generated input reaches the deep paths (codes, passwords). */
async function sessionsAt(step: 'identity' | 'code' | 'password', n: number): Promise<string[]> {
  const users = [ANNA, ELEONORE, MARIEKE];
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push((await host.walkTo(step, users[i % users.length])).sessionId);
  return ids;
}

// Strings that break naive code: unicode, control characters, LDAP/SQL/path syntax, huge, numeric-looking.
const nasty = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ maxLength: 300 }),
  fc.constantFrom(
    '',
    ' ',
    '*',
    ')(uid=*)',
    '\\00',
    '../../etc/passwd',
    'A.Janssen',
    'PANTEIN\\A.Janssen',
    'a@b@c',
    '01-10-1984',
    '31-02-2000',
    '123456',
    '12 34 56',
    '__proto__',
    'constructor',
    '\u0000',
    '\uFFFF',
    '\uD800',
  ),
  fc.integer().map(String),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
);
const anyValue = fc.oneof(
  nasty,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(nasty, { maxLength: 3 }),
  fc.object({ maxDepth: 2 }),
);
const hexId = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 32, maxLength: 32 });

/** Well-formed-ish bodies for a method: its own fields (sometimes a wrong type), sometimes an extra field. */
function bodies(method: Method, live: string[]) {
  const sessionId = fc.oneof(fc.constantFrom(...live), hexId, nasty);
  const fields: Record<Method, Record<string, fc.Arbitrary<unknown>>> = {
    info: {},
    start: {
      username: nasty,
      lang: fc.constantFrom('nl', 'en', 'de', undefined),
      purpose: fc.constantFrom('reset', 'unlock', 'other', undefined),
    },
    verifyIdentity: { sessionId, birthdate: nasty },
    resendCode: { sessionId },
    verifyCode: {
      sessionId,
      code: fc.oneof(
        nasty,
        fc.integer({ min: 0, max: 999_999 }).map((n) => String(n).padStart(6, '0')),
      ),
    },
    setPassword: { sessionId, password: nasty, repeat: nasty },
    unlock: { sessionId },
    cancel: { sessionId },
  };
  const shaped = fc.record(
    Object.fromEntries(
      Object.entries(fields[method]).map(([k, v]) => [
        k,
        fc.oneof({ weight: 5, arbitrary: v }, { weight: 1, arbitrary: anyValue }),
      ]),
    ),
    { requiredKeys: [] },
  );
  const withExtra = fc.tuple(shaped, fc.string({ maxLength: 10 }), anyValue).map(([b, k, v]) => ({ ...b, [k]: v }));
  const rawText = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.constantFrom('{', '{"sessionId":', '[]', 'null', '"x"', '{"__proto__":{"ok":true}}'),
  );
  return fc.oneof(
    { weight: 6, arbitrary: shaped },
    { weight: 1, arbitrary: withExtra },
    { weight: 1, arbitrary: fc.jsonValue() },
    { weight: 1, arbitrary: rawText },
  );
}

describe.each(METHODS)('%s', (method) => {
  it(`never answers 5xx or outside the contract (${RUNS} inputs)`, async () => {
    const live = [
      ...(await sessionsAt('identity', 5)),
      ...(await sessionsAt('code', 5)),
      ...(await sessionsAt('password', 5)),
    ];
    await fc.assert(
      fc.asyncProperty(bodies(method, live), async (body) => {
        const res = await host.post(method, body);
        expect(res.status, res.body).toBeLessThan(500);
        expect(typeof res.json.ok, res.body).toBe('boolean');
        if (res.json.ok === false) expect(ERROR_CODES, res.body).toContain(res.json.code);
        expect(res.body).not.toMatch(/at .*\.(ts|js):\d+|Error:/); // no stack trace, no raw error text
      }),
      { numRuns: RUNS },
    );
    expect(rejections).toEqual([]);
  }, 180_000); // ~5 s alone; generous for a loaded CI machine
});
