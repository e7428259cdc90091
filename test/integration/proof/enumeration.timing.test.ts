// No username enumeration through the web host (OWASP): an unknown user, a known user with a wrong birthdate,
// a user without a mobile, with a landline as "mobile", and a disabled user get the same status, the same body,
// the same headers, and the same time (median within 5 ms over 200 tries each, identity floor 60 ms). The tries
// left in the body count per typed name only: for every case it is the budget minus the different dates that name
// tried (a repeat of one date is counted once, for unknown names and accounts alike).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { RELAXED_LIMITS } from '../../helpers/demo-app.js';
import { webHost, type WebHost } from '../../helpers/web-host.js';

const TRIES = 200;
const FLOOR_MS = 60;
let host: WebHost;
beforeAll(async () => {
  host = await webHost({ floorMs: FLOOR_MS }); // relaxed limits: no throttle answers in between
});
afterAll(() => host.stop());

// Each case: who is typed, and the birthdate given (the right one where the user has something else wrong).
const CASES: Record<string, (i: number) => [string, string]> = {
  unknown: (i) => [`nobody.${i}`, '01-10-1984'],
  wrongBirthdate: (i) => [i % 2 ? 'A.Janssen' : 'E.Dubois', '02-10-1984'],
  noMobile: () => ['P.deVries', '12-03-1979'],
  landline: () => ['J.Smit', '14-02-1972'],
  disabled: () => ['K.Visser', '05-05-1968'],
};

/** The dates each typed name tried in this run: what attemptsLeft must follow, and nothing else. */
const tried = new Map<string, Set<string>>();

async function attempt(username: string, birthdate: string) {
  const dates = tried.get(username) ?? new Set<string>();
  tried.set(username, dates.add(birthdate));
  const before = dates.size - 1;
  const { sessionId } = await host.walkTo('identity', { username, birthdate });
  const { status, body, headers, ms } = await host.post('verifyIdentity', { sessionId, birthdate });
  const { attemptsLeft, ...rest } = JSON.parse(body) as { attemptsLeft?: number };
  expect(attemptsLeft).toBe(RELAXED_LIMITS.identityPerUser.points - before - 1);
  // content-length follows the number's digits, which follow that typed name's tries (checked just above)
  const same = Object.entries(headers)
    .filter(([k]) => k !== 'date' && k !== 'content-length')
    .sort();
  return { status, body: JSON.stringify(rest), headers: JSON.stringify(same), ms };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return (s[Math.floor((s.length - 1) / 2)]! + s[Math.ceil((s.length - 1) / 2)]!) / 2;
};

it(`unknown and known-but-refused users look the same: status, body, headers, median time (${TRIES} tries each)`, async () => {
  const results: Record<string, Awaited<ReturnType<typeof attempt>>[]> = Object.fromEntries(
    Object.keys(CASES).map((k) => [k, []]),
  );
  // Interleaved rounds, all cases in flight together in a rotating order, so load, GC and the order in which
  // the padding timers fire hit every case alike.
  for (let i = 0; i < TRIES; i++) {
    const order = Object.entries(CASES).map((_, k, all) => all[(k + i) % all.length]!);
    const round = await Promise.all(order.map(([name, make]) => attempt(...make(i)).then((r) => [name, r] as const)));
    for (const [name, r] of round) results[name]!.push(r);
  }
  const reference = results.unknown![0]!;
  expect(JSON.parse(reference.body)).toEqual({ ok: false, code: 'identity_failed' });
  const medians: Record<string, number> = {};
  for (const [name, rs] of Object.entries(results)) {
    for (const r of rs)
      expect({ name, status: r.status, body: r.body, headers: r.headers }).toEqual({
        name,
        status: reference.status,
        body: reference.body,
        headers: reference.headers,
      });
    medians[name] = median(rs.map((r) => r.ms));
    expect(medians[name]).toBeGreaterThanOrEqual(FLOOR_MS - 1);
  }
  const spread = Math.max(...Object.values(medians)) - Math.min(...Object.values(medians));
  console.log(
    `identity step medians (ms): ${JSON.stringify(Object.fromEntries(Object.entries(medians).map(([k, v]) => [k, +v.toFixed(2)])))}; spread ${spread.toFixed(2)} ms`,
  );
  expect(spread).toBeLessThan(5);
}, 120_000); // 200 rounds of ~60 ms
