// Read access to Redis finishes no reset (issue 27): a host on Redis with TLS and a password, and a second client
// with a read-only ACL user (what a backup, a replica or a monitoring tool has). It reads every key and value
// while a victim is at the code step and again at the password step; nothing it read continues her session
// (no key, no value is her session id), and the offline search over all 10⁶ codes against the stored hash
// finds nothing — while the same search with the server's pepper does find the code (the search works).
import { createHmac } from 'node:crypto';
import { Redis } from 'ioredis';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ANNA } from '../../helpers/demo-users.js';
import { PEPPER_ENV, startRedis, TEST_PEPPER, type RedisPeer } from '../../helpers/redis-server.js';
import { webHost, type WebHost } from '../../helpers/web-host.js';

const ENV = 'RK_READER_REDIS_PASSWORD';
let peer: RedisPeer;
let host: WebHost;
let reader: Redis;

beforeAll(async () => {
  peer = await startRedis({ tls: true });
  // No allowPlainRedis: TLS and a password, as start-up demands.
  host = await webHost({
    config: { store: { type: 'redis', url: peer.url, caFile: peer.caFile, passwordEnv: ENV } },
    overrides: { env: { [ENV]: peer.password, ...PEPPER_ENV } },
  });
  const admin = new Redis(peer.url, { password: peer.password, tls: { ca: readFileSync(peer.caFile!) } });
  await admin.call(
    'ACL',
    'SETUSER',
    'reader',
    'on',
    '>reader-password-123',
    '~*',
    '&*',
    '-@all',
    '+@read',
    '+scan',
    '+ping',
  );
  admin.disconnect();
  reader = new Redis(peer.url, {
    username: 'reader',
    password: 'reader-password-123',
    tls: { ca: readFileSync(peer.caFile!) },
  });
}, 30_000);
afterAll(async () => {
  reader?.disconnect();
  await host?.stop();
  await peer?.stop();
});

/** Everything the reader can see: every key name and every string value. */
async function readAll(): Promise<{ keys: string[]; values: string[] }> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await reader.scan(cursor, 'COUNT', 1000);
    keys.push(...batch);
    cursor = next;
  } while (cursor !== '0');
  const values = (await Promise.all(keys.map((k) => reader.get(k).catch(() => null)))).filter(
    (v): v is string => v !== null,
  );
  return { keys, values };
}

/** Every hex string of a session id's length in what was read: the candidates an attacker would try. */
const candidates = ({ keys, values }: { keys: string[]; values: string[] }) => [
  ...new Set([...keys, ...values].flatMap((t) => t.match(/[0-9a-f]{32}/g) ?? [])),
];

/** Offline search: each 6-digit code against each stored {hash, salt}, with `key` (salt → the salt itself). */
function search(values: string[], key: (salt: string) => Buffer | string): string[] {
  const found: string[] = [];
  const stored = values.flatMap((v) =>
    [...v.matchAll(/"hash":"([0-9a-f]{64})","salt":"([0-9a-f]{32})"/g)].map((m) => ({ hash: m[1]!, salt: m[2]! })),
  );
  expect(stored.length).toBeGreaterThan(0);
  for (const { hash, salt } of stored) {
    const k = key(salt);
    for (let c = 0; c < 1e6; c++) {
      const code = String(c).padStart(6, '0');
      // The old scheme (the salt as the HMAC key) and the current one with the salt standing in for the pepper.
      if (
        createHmac('sha256', k).update(`${salt}\0${code}`).digest('hex') === hash ||
        createHmac('sha256', salt).update(code).digest('hex') === hash
      )
        found.push(code);
    }
  }
  return found;
}

it('nothing a read-only Redis user reads lets a second client verify the code or set the password', async () => {
  expect(await reader.set('x', '1').catch((e: Error) => e.message)).toMatch(/NOPERM/); // the reader really only reads
  const { sessionId } = await host.walkTo('identity', ANNA);
  expect(await host.call('verifyIdentity', { sessionId, birthdate: ANNA.birthdate })).toMatchObject({
    ok: true,
    step: 'code',
  });
  const code = host.lastCode();

  const atCode = await readAll();
  expect(atCode.keys.some((k) => k.includes(':session:'))).toBe(true);
  expect(JSON.stringify(atCode)).not.toContain(sessionId);
  expect(JSON.stringify(atCode)).not.toContain(code.slice(0, 6) + '"'); // the code is not stored as a value
  const tries = candidates(atCode);
  expect(tries.length).toBeGreaterThan(0);
  for (const id of tries) {
    expect(await host.call('verifyCode', { sessionId: id, code }, '10.9.9.9')).toMatchObject({
      ok: false,
      code: 'session_expired',
    });
  }

  // The offline search over every code finds nothing without the pepper, and the code with it.
  expect(search(atCode.values, (salt) => salt)).toEqual([]);
  expect(search(atCode.values, () => Buffer.from(TEST_PEPPER))).toEqual([code]);

  expect(await host.call('verifyCode', { sessionId, code })).toMatchObject({ ok: true, step: 'password' });
  const atPassword = await readAll();
  expect(JSON.stringify(atPassword)).not.toContain(sessionId);
  for (const id of candidates(atPassword)) {
    expect(
      await host.call(
        'setPassword',
        { sessionId: id, password: 'Overname#Door-2031', repeat: 'Overname#Door-2031' },
        '10.9.9.9',
      ),
    ).toMatchObject({ ok: false, code: 'session_expired' });
  }
  // The victim's own session is untouched by all of it.
  expect(
    await host.call('setPassword', { sessionId, password: 'Herfst#Blad-2031', repeat: 'Herfst#Blad-2031' }),
  ).toMatchObject({ ok: true, step: 'done' });
}, 120_000);
