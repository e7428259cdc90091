// The demo directory's people the tests use (resources/demo-directory.json), with their numbers as the hosts
// normalise them (E.164), plus fresh test data. Shared by the Node tests and the browser tests (test/e2e).
import { randomInt } from 'node:crypto';

/** Someone who can walk the whole reset: the mobile (E.164) is where their code goes. */
export type DemoUser = { username: string; birthdate: string; mobile: string };

// Only these four demo users have a mobile that receives codes.
export const ANNA: DemoUser = { username: 'A.Janssen', birthdate: '01-10-1984', mobile: '+31612345678' };
export const MARIEKE: DemoUser = { username: 'M.Bakker', birthdate: '23-07-1990', mobile: '+31623456789' };
export const ELEONORE: DemoUser = { username: 'E.Dubois', birthdate: '30-11-1995', mobile: '+31645678901' };
/** Her fine-grained policy (a PSO, like AD's) asks 14 characters where the manual says 8. */
export const LOTTE: DemoUser = { username: 'L.Meijer', birthdate: '17-04-1986', mobile: '+31656789012' };
/** No mobile registered / a disabled account: both must get the same answer as a wrong birthdate. */
export const NO_MOBILE = { username: 'P.deVries', birthdate: '12-03-1979' };
export const DISABLED = { username: 'K.Visser', birthdate: '05-05-1968' };

/** A username no one has, different in every test (identity throttles are keyed on it). */
export const unknownUser = (): string => `X.Onbekend${randomInt(1e6)}`;

/**
 * A password that passes all five local rules and contains no demo name, unique per call: the demo keeps
 * each user's last 5 passwords for the whole run, so reusing one would trip the history rule by accident.
 */
export const strongPassword = (): string => `Tulp#${randomInt(1e6, 1e7)}Zon`;
