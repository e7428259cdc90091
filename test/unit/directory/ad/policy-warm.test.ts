// AdPolicyReader.warm: the code step's policy read started when the code goes out. The next forUser for that
// DN takes the warmed answer once; an old or failed warm-up is read again; other users are not affected.
import type { Client } from 'ldapts';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../../src-main/core/ports/log.js';
import { AdPolicyReader, CACHE_MS } from '../../../../src-main/directory/ad/policy.js';

const DOMAIN = 'DC=kiosk,DC=test';
const USER = 'CN=Lotte Meijer,OU=Kiosk,DC=kiosk,DC=test';

/** A DC answering base searches: the domain head's minPwdLength (changeable), no PSO; counts the reads. */
function fakeDc() {
  const dc = { minLength: 8, reads: 0, failNext: false };
  const client = {
    search: (dn: string) => {
      dc.reads++;
      if (dc.failNext) {
        dc.failNext = false;
        return Promise.reject(new Error('connection lost'));
      }
      const entry = dn === DOMAIN ? { dn, minPwdLength: String(dc.minLength), pwdHistoryLength: '5' } : { dn };
      return Promise.resolve({ searchEntries: [entry], searchReferences: [] });
    },
  } as unknown as Client;
  return { dc, client };
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

function reader(now: () => number) {
  const { dc, client } = fakeDc();
  const policies = new AdPolicyReader(
    (fn) => fn(client),
    () => Promise.resolve(DOMAIN),
    silentLogger,
    now,
  );
  return { dc, policies };
}

describe('AdPolicyReader.warm', () => {
  it('reads ahead, and the next forUser takes that answer without asking the DC again', async () => {
    const { dc, policies } = reader(() => 0);
    policies.warm(USER);
    await settled();
    const readsByWarm = dc.reads;
    expect(readsByWarm).toBeGreaterThan(0); // started before anyone asked
    expect((await policies.forUser(USER)).minLength).toBe(8);
    expect(dc.reads).toBe(readsByWarm);
  });

  it('is taken once: the following forUser reads the DC again (msDS-ResultantPSO per user is not cached)', async () => {
    const { dc, policies } = reader(() => 0);
    policies.warm(USER);
    await policies.forUser(USER);
    const before = dc.reads;
    await policies.forUser(USER);
    expect(dc.reads).toBeGreaterThan(before);
  });

  it('a warm-up older than CACHE_MS is not used', async () => {
    let t = 0;
    const { dc, policies } = reader(() => t);
    policies.warm(USER);
    await settled();
    const before = dc.reads;
    t = CACHE_MS;
    await policies.forUser(USER);
    expect(dc.reads).toBeGreaterThan(before);
  });

  it('a failed warm-up is read again instead of failing the code step', async () => {
    const { dc, policies } = reader(() => 0);
    dc.failNext = true;
    policies.warm(USER);
    expect((await policies.forUser(USER)).minLength).toBe(8);
  });

  it('matches the DN without regard to case, and leaves other users alone', async () => {
    const { dc, policies } = reader(() => 0);
    policies.warm(USER.toUpperCase());
    await settled();
    const afterWarm = dc.reads;
    await policies.forUser('CN=Someone Else,OU=Kiosk,DC=kiosk,DC=test');
    const afterOther = dc.reads;
    expect(afterOther).toBeGreaterThan(afterWarm);
    await policies.forUser(USER);
    expect(dc.reads).toBe(afterOther);
  });
});
