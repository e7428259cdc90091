// Test helper: walks a reset to a step through any ResetApi (the core in-process, the web host over HTTP, the
// kiosk's IPC), checking every answer on the way. The one "get me to step X" in test/: the harnesses
// (flowFixture, webHost) bind it to their api and their phone.
import type { Lang, ResetApi, Responses } from '../../src-main/core/contract.js';
import { ANNA, strongPassword } from './demo-users.js';

/** Where a walk ends: the wizard's step after the last call it makes. */
export type Step = 'identity' | 'code' | 'password' | 'done';

/** Who walks: the name and birthdate they type; `mobile` (E.164) picks their code when others get texts too. */
export type Walker = { username: string; birthdate: string; mobile?: string };
export type WalkOptions = { lang?: Lang; password?: string };

/** The session at `step` and the answer that brought it there (e.g. verifyIdentity's masked mobile). */
export type Walked<S extends Step> = {
  sessionId: string;
  answer: Extract<Responses[Answered[S]], { ok: true; step: S }>;
};
type Answered = { identity: 'start'; code: 'verifyIdentity'; password: 'verifyCode'; done: 'setPassword' };

/** The code the phone got; `to` is the walker's mobile when known. */
export type CodeReader = (to?: string) => string;

const ORDER: Step[] = ['identity', 'code', 'password', 'done'];

/** start → verifyIdentity → verifyCode → setPassword, as far as `step`; throws, naming the step, on any other answer. */
export async function walkTo<S extends Step>(
  api: ResetApi,
  codeOf: CodeReader,
  step: S,
  user: Walker = ANNA,
  opts: WalkOptions = {},
): Promise<Walked<S>> {
  const check = <R extends { ok: boolean }>(answer: R, next: Step): R => {
    if (!answer.ok || (answer as { step?: string }).step !== next)
      throw new Error(`walkTo(${step}) for ${user.username}: expected step ${next}, got ${JSON.stringify(answer)}`);
    return answer;
  };
  const start = check(
    await api.start({ username: user.username, ...(opts.lang ? { lang: opts.lang } : {}) }),
    'identity',
  );
  const sessionId = (start as { sessionId: string }).sessionId;
  const upTo = ORDER.indexOf(step);
  let answer: { ok: boolean } = start;
  if (upTo >= 1) answer = check(await api.verifyIdentity({ sessionId, birthdate: user.birthdate }), 'code');
  if (upTo >= 2) answer = check(await api.verifyCode({ sessionId, code: codeOf(user.mobile) }), 'password');
  if (upTo >= 3) {
    const password = opts.password ?? strongPassword();
    answer = check(await api.setPassword({ sessionId, password, repeat: password }), 'done');
  }
  return { sessionId, answer: answer as Walked<S>['answer'] };
}
