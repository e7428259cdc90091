// No silent birthdate check (issue 27): within the account's spacing after a code went to its phone, another
// session's right birthdate and a wrong one get identical answers — status, body, headers and median time — and
// neither puts a text on the phone. Without this, the right date answered `resend_too_soon` and a wrong one
// `identity_failed`: a birthdate oracle the owner never heard about.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ANNA } from '../../helpers/demo-users.js';
import { RELAXED_LIMITS } from '../../helpers/demo-app.js';
import { webHost, type WebHost } from '../../helpers/web-host.js';

const ROUNDS = 60;
const FLOOR_MS = 60;
let host: WebHost;
beforeAll(async () => {
  host = await webHost({
    floorMs: FLOOR_MS,
    config: { security: { resendAfterSeconds: 30 } },
    overrides: { limits: { ...RELAXED_LIMITS, smsSpacingPerAccount: { points: 1, durationSeconds: 30 } } },
  });
});
afterAll(() => host.stop());

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return (s[Math.floor((s.length - 1) / 2)]! + s[Math.ceil((s.length - 1) / 2)]!) / 2;
};

async function attempt(birthdate: string) {
  const { sessionId } = await host.call('start', { username: ANNA.username });
  const { status, body, headers, ms } = await host.post('verifyIdentity', { sessionId, birthdate });
  const same = Object.entries(headers).filter(([k]) => k !== 'date' && k !== 'content-length'); // the length follows the wait's digits.sort();
  // The wait counts down with the clock: two answers of one round may straddle a second (29 vs 28).
  const { retryAfterSeconds, ...rest } = JSON.parse(body) as { retryAfterSeconds: number };
  return { status, body: JSON.stringify(rest), wait: retryAfterSeconds, headers: JSON.stringify(same), ms };
}

it(`during the spacing a right and a wrong birthdate answer alike (${ROUNDS} rounds, no text)`, async () => {
  await host.walkTo('code'); // session A: Anna's code is on her phone, the spacing runs for 30 s
  const texts = () => host.lastCode(ANNA.mobile);
  const before = texts();
  const results = {
    right: [] as Awaited<ReturnType<typeof attempt>>[],
    wrong: [] as Awaited<ReturnType<typeof attempt>>[],
  };
  const started = Date.now();
  for (let i = 0; i < ROUNDS; i++) {
    const order = i % 2 ? (['right', 'wrong'] as const) : (['wrong', 'right'] as const);
    const round = await Promise.all(
      order.map(
        async (k) =>
          [
            k,
            await attempt(k === 'right' ? ANNA.birthdate : `${String((i % 9) + 2).padStart(2, '0')}-10-1984`),
          ] as const,
      ),
    );
    for (const [k, r] of round) results[k].push(r);
  }
  expect(Date.now() - started).toBeLessThan(25_000); // all inside the 30 s spacing
  const reference = results.right[0]!;
  expect(reference.status).toBe(200);
  expect(JSON.parse(reference.body)).toMatchObject({ ok: false, code: 'resend_too_soon' });
  for (const k of ['right', 'wrong'] as const) {
    for (const [i, r] of results[k].entries()) {
      const ref = results.right[i]!;
      expect({ k, i, status: r.status, body: r.body, headers: r.headers }).toEqual({
        k,
        i,
        status: ref.status,
        body: ref.body,
        headers: ref.headers,
      });
      expect(Math.abs(r.wait - ref.wait)).toBeLessThanOrEqual(1);
    }
  }
  const medians = { right: median(results.right.map((r) => r.ms)), wrong: median(results.wrong.map((r) => r.ms)) };
  const spread = Math.abs(medians.right - medians.wrong);
  console.log(
    `spacing case medians (ms): right ${medians.right.toFixed(2)}, wrong ${medians.wrong.toFixed(2)}; spread ${spread.toFixed(2)} ms`,
  );
  expect(Math.min(medians.right, medians.wrong)).toBeGreaterThanOrEqual(FLOOR_MS - 1);
  expect(spread).toBeLessThan(5);
  expect(texts()).toBe(before); // no second text: nothing was checked
}, 60_000);
