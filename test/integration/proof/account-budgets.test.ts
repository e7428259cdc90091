// Property (fast-check): any two inputs that our matcher maps to the same account share one budget. The matcher
// is normaliseUsername → the directory; here an AD-like one (sAMAccountName and a different UPN prefix, folded
// as Windows folds: case, width, accents). Whatever mix of spellings an attacker types, the account gets 5
// birthdate tries and 5 texts a day, and the 6th spelling gets what an unknown name would get.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameKey, normaliseUsername } from '../../../src-main/core/username.js';
import { AliasDirectory } from '../../helpers/alias-directory.js';
import { flowFixture } from '../../helpers/flow-fixture.js';

const RUNS = 150;
const DAY = 86_400;

const wide = (c: string) => (c >= '!' && c <= '~' ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c);
const letter = /[a-z]/i;
/** One character of a name, as someone (or something) might type it. */
const charVariant = (c: string) =>
  fc
    .constantFrom<(c: string) => string>(
      (x) => x,
      (x) => x.toUpperCase(),
      (x) => x.toLowerCase(),
      wide,
      (x) => (letter.test(x) ? `${x}\u0301` : x), // an accent
      (x) => (letter.test(x) ? `${x}\u0308` : x), // an umlaut
      (x) => `${x}\u200b`, // zero-width space
      (x) => (x === 's' ? 'ſ' : x), // long s
    )
    .map((f) => f(c));

/** A spelling of one of Anna Janssen's names: her sAMAccountName or her UPN prefix, with a domain or not. */
const annaSpelling = fc
  .tuple(
    fc.constantFrom('A.Janssen', 'anna.janssen'),
    fc.constantFrom('', '@pantein.nl', '@ＰＡＮＴＥＩＮ．ＮＬ'),
    fc.constantFrom('', 'PANTEIN\\', 'pantein.local\\'),
    fc.constantFrom('', ' ', '  '),
  )
  .chain(([name, upn, domain, pad]) =>
    fc.tuple(...[...name].map(charVariant)).map((chars) => `${pad}${domain}${chars.join('')}${upn}${pad}`),
  );

async function identity(fx: ReturnType<typeof flowFixture>, username: string, birthdate: string) {
  const s = await fx.api.start({ username });
  if (!s.ok) throw new Error(`${JSON.stringify(username)}: ${s.code}`);
  return fx.api.verifyIdentity({ sessionId: s.sessionId, birthdate });
}

describe('one account, one budget, whatever the spelling', () => {
  it('the matcher maps every generated spelling to the account (the premise of the properties below)', async () => {
    const directory = new AliasDirectory();
    await fc.assert(
      fc.asyncProperty(annaSpelling, async (typed) => {
        const name = normaliseUsername(typed);
        expect((await directory.findUser(name ?? ''))?.accountKey, JSON.stringify(typed)).toBe('a.janssen');
      }),
      { numRuns: 2000 },
    );
  });

  it('5 wrong birthdates over any 5 spellings spend the account: a 6th spelling with the right date fails like an unknown name', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(annaSpelling, { minLength: 6, maxLength: 6 }), async (spellings) => {
        const fx = flowFixture({ directory: new AliasDirectory() });
        for (const [i, typed] of spellings.slice(0, 5).entries())
          expect(await identity(fx, typed, `0${i + 2}-10-1984`)).toMatchObject({ ok: false, code: 'identity_failed' });
        // What an unknown name with the same history gets: `blocked` only once its own name budget is spent.
        const key = (t: string) => nameKey(normaliseUsername(t)!);
        const sameName = spellings.slice(0, 5).filter((t) => key(t) === key(spellings[5]!)).length;
        expect(await identity(fx, spellings[5]!, '01-10-1984')).toMatchObject({
          ok: false,
          code: sameName === 5 ? 'blocked' : 'identity_failed',
        });
        expect(fx.sender.sent).toHaveLength(0);
      }),
      { numRuns: RUNS },
    );
  });

  it('5 texts over any 5 spellings spend the account: a 6th spelling with the right date gets sms_limit', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(annaSpelling, { minLength: 6, maxLength: 6 }), async (spellings) => {
        const fx = flowFixture({
          directory: new AliasDirectory(),
          limits: {
            smsPerUser: { points: 1000, durationSeconds: DAY },
            smsPerAccount: { points: 5, durationSeconds: DAY },
          },
        });
        for (const typed of spellings.slice(0, 5))
          expect(await identity(fx, typed, '01-10-1984')).toMatchObject({ ok: true });
        expect(await identity(fx, spellings[5]!, '01-10-1984')).toMatchObject({ ok: false, code: 'sms_limit' });
        expect(fx.sender.sent).toHaveLength(5);
      }),
      { numRuns: RUNS },
    );
  });
});
