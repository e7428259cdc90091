// The banned-password screen never judges a password before the breached-password list is there: while the list
// loads, the verdict waits for it; when the list cannot be loaded, the verdict is an error (the flow answers
// `internal`, fail closed), never "not banned".
import { describe, expect, it } from 'vitest';
import { prepareTerm } from '../../../src-main/core/banned.js';
import { groupTerms, SortedTerms } from '../../../src-main/core/sorted-terms.js';
import { createPasswordScreen } from '../../../src-main/core/password-screen.js';

const words = { organisation: 'Pantein', servicedesk: 'ICT Servicedesk', applications: [], extra: [] };
const list = new SortedTerms(groupTerms(['iloveyou', 'sunshine'].map((t) => prepareTerm(t)!)), 4);
const now = () => Date.UTC(2026, 11, 7);

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('the password screen and the breached-password list', () => {
  it('waits for the list before it answers, then refuses what it holds', async () => {
    const loading = deferred<SortedTerms>();
    const screen = createPasswordScreen({ common: () => loading.promise, now }, words);
    let verdict: boolean | undefined;
    const judged = screen.isBanned('Sunshine#88', { online: false }).then((v) => (verdict = v));
    await new Promise((r) => setTimeout(r, 20));
    expect(verdict).toBeUndefined(); // not "allowed" while the list is missing
    loading.resolve(list);
    await judged;
    expect(verdict).toBe(true);
    expect(await screen.isBanned('Kwal-Fiets-Regen-73', { online: false })).toBe(false);
  });

  it('answers with an error, not a verdict, when the list cannot be loaded', async () => {
    const screen = createPasswordScreen(
      { common: () => Promise.reject(new Error('common-passwords.txt: no such file')), now },
      words,
    );
    await expect(screen.isBanned('Sunshine#88', { online: false })).rejects.toThrow(/no such file/);
    await expect(screen.isBanned('Kwal-Fiets-Regen-73', { online: false })).rejects.toThrow(/no such file/);
  });
});
