// The HIBP breach check against a local fake of the range API: k-anonymity (only 5 hex digits leave, padding
// asked for), the verdict, and fail-open on a timeout or an error with a log line that holds no secret.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HibpBreachCheck } from '../../../src-main/passwords/hibp.js';
import { bindClient } from '../../helpers/bind-client.js';
import { demoApp } from '../../helpers/demo-app.js';
import { captureLog } from '../../helpers/log-capture.js';
import { walkTo } from '../../helpers/walk.js';
import { startFakeHibp, type FakeHibp } from '../../peers/hibp/fake-range-server.js';

const BREACHED = 'Tulpen#Bollen-1998';
const UNKNOWN = 'Kwal-Fiets-Regen-73';

describe('HIBP range API (k-anonymity), against a local fake', () => {
  let fake: FakeHibp;
  const log = captureLog();
  const check = () => new HibpBreachCheck({ baseUrl: fake.baseUrl, timeoutMs: 1000 }, log);

  beforeAll(async () => void (fake = await startFakeHibp({ [BREACHED]: 42 })));
  afterAll(() => fake.close());

  it('finds a breached password and sends only the first 5 hex digits of its SHA-1, asking for padding', async () => {
    expect(await check().isBreached(BREACHED)).toBe(true);
    const sent = fake.requests.at(-1)!;
    const hash = createHash('sha1').update(BREACHED).digest('hex').toUpperCase();
    expect(sent.url).toBe(`/range/${hash.slice(0, 5)}`);
    expect(sent.headers['add-padding']).toBe('true');
    expect(sent.body).toBe('');
    expect(JSON.stringify(sent)).not.toContain(hash.slice(5, 12));
  });

  it('an unknown password is not breached (padding lines with count 0 never match)', async () => {
    expect(await check().isBreached(UNKNOWN)).toBe(false);
  });

  it('fails open within its timeout when the API hangs, and on an error status', async () => {
    fake.mode = 'hang';
    const started = Date.now();
    expect(await check().isBreached(BREACHED)).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(2000);
    fake.mode = 503;
    expect(await check().isBreached(BREACHED)).toBeUndefined();
    fake.mode = 'ok';
    expect(
      log
        .records()
        .filter((l) => l.level === 'warn')
        .map((l) => l.msg),
    ).toEqual([expect.stringMatching(/fail open/), expect.stringMatching(/fail open/)]);
  });

  it('a 300 MB answer, streamed slowly or at full speed, is cut at 512 KB or at the deadline, within the timeout + 1 s, RSS growing < 50 MB', async () => {
    const timeoutMs = 2000;
    for (const everyMs of [400, 20, 0]) {
      fake.mode = 'flood';
      fake.floodEveryMs = everyMs;
      global.gc?.();
      const rss = process.memoryUsage().rss;
      const started = Date.now();
      expect(await new HibpBreachCheck({ baseUrl: fake.baseUrl, timeoutMs }, log).isBreached(BREACHED)).toBeUndefined();
      const ms = Date.now() - started;
      const grown = (process.memoryUsage().rss - rss) / 1024 / 1024;
      console.log(
        `HIBP flood every ${everyMs} ms: answered in ${ms} ms after ${(fake.flooded / 1024 / 1024).toFixed(1)} MB sent, RSS +${grown.toFixed(1)} MB`,
      );
      expect(ms).toBeLessThan(timeoutMs + 1000);
      expect(grown).toBeLessThan(50);
    }
    fake.mode = 'ok';
    expect(
      log
        .records()
        .filter((l) => l.level === 'warn')
        .map((l) => l.msg)
        .slice(-3),
    ).toEqual([
      expect.stringMatching(/fail open/),
      expect.stringMatching(/fail open/),
      expect.stringMatching(/fail open/),
    ]);
  });

  it('a refused connection fails open too', async () => {
    const closed = new HibpBreachCheck({ baseUrl: 'http://127.0.0.1:9', timeoutMs: 300 }, log);
    expect(await closed.isBreached(BREACHED)).toBeUndefined();
  });

  it('never logs the password, its hash or its prefix', () => {
    const hash = createHash('sha1').update(BREACHED).digest('hex').toUpperCase();
    for (const secret of [BREACHED, hash, hash.slice(0, 5), UNKNOWN]) expect(log.text()).not.toContain(secret);
  });

  it('in the app (password.breachCheck on): a breached password is refused by the banned rule, and only a password that passes every other rule is sent', async () => {
    const d = await demoApp({
      config: { password: { breachCheck: { enabled: true, baseUrl: fake.baseUrl, timeoutMs: 500 } } },
    });
    try {
      const api = bindClient(d.app.service, { clientId: 'kiosk-1' });
      const { sessionId } = await walkTo(api, d.lastCode, 'password');
      const before = fake.requests.length;
      const short = await api.setPassword({ sessionId, password: 'Kort#1', repeat: 'Kort#1' });
      expect(short).toMatchObject({ ok: false, code: 'password_policy' });
      expect(fake.requests.length).toBe(before); // fails the length rule: never leaves the server, not even hashed
      const breached = await api.setPassword({ sessionId, password: BREACHED, repeat: BREACHED });
      expect(breached).toMatchObject({
        ok: false,
        code: 'password_policy',
        rules: expect.arrayContaining([{ id: 'banned', ok: false }]) as unknown[],
      });
      expect(fake.requests.length).toBe(before + 1);
      expect(await api.setPassword({ sessionId, password: UNKNOWN, repeat: UNKNOWN })).toMatchObject({ ok: true });
    } finally {
      await d.close();
    }
  });
});
