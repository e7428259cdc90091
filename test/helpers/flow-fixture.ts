// A reset flow on the demo directory with a capturing SMS sender and a controllable clock, for unit tests.
import { randomBytes } from 'node:crypto';
import { parseConfig } from '../../src-main/config/load.js';
import { flowOptions } from '../../src-main/config/runtime.js';
import { mobileNormaliser } from '../../src-main/sms/phone.js';
import { type ResetApi } from '../../src-main/core/contract.js';
import { bindClient } from './bind-client.js';
import { createResetFlow, type FlowOptions } from '../../src-main/core/flow.js';
import { CoreEvents, type CoreEvent } from '../../src-main/core/events.js';
import { type AuditEvent } from '../../src-main/core/ports/audit.js';
import { silentLogger, type Logger } from '../../src-main/core/ports/log.js';
import { MemorySessionStore } from '../../src-main/store/memory-sessions.js';
import { DEFAULT_LIMITS, Throttles, type AllLimits } from '../../src-main/core/throttle.js';
import { DemoDirectory } from '../../src-main/directory/demo.js';
import type { Directory } from '../../src-main/core/ports/directory.js';
import { LocalCodeChannel } from '../../src-main/sms/local-code.js';
import type { CodeChannel, SendOutcome, SmsSender } from '../../src-main/core/ports/sms.js';
import { lastCode } from './sms.js';
import { walkTo, type Step, type Walker, type WalkOptions } from './walk.js';

export class CapturingSender implements SmsSender {
  readonly sent: { to: string; body: string }[] = [];
  next: SendOutcome[] = [];
  send(to: string, body: string): Promise<SendOutcome> {
    const outcome = this.next.shift() ?? { ok: true };
    if (outcome.ok) this.sent.push({ to, body });
    return Promise.resolve(outcome);
  }
  /** The code in the newest text (to `to`, when given). */
  lastCode(to?: string): string {
    return lastCode(this.sent, to);
  }
}

/** The product's defaults (config/runtime.ts on the empty config), with this fixture's texts and no identity floor. */
export const TEST_OPTIONS: FlowOptions = {
  ...flowOptions(parseConfig({})),
  applications: ['Computer inlog', 'Topdesk'],
  identityFloorMs: 0,
  mobileRegistration: { nl: 'bij "Zakelijk mobiel"', en: 'under "Zakelijk mobiel"' },
  changedNotice: (lang) =>
    lang === 'nl' ? 'Pantein: je wachtwoord is gewijzigd.' : 'Pantein: your password was changed.',
  unlockedNotice: (lang) =>
    lang === 'nl' ? 'Pantein: je account is ontgrendeld.' : 'Pantein: your account was unlocked.',
};

export function flowFixture(
  opts: {
    options?: Partial<FlowOptions>;
    limits?: Partial<AllLimits>;
    directory?: Directory;
    codes?: CodeChannel;
    log?: Logger;
  } = {},
) {
  let clock = Date.parse('2026-11-25T10:00:00Z');
  const now = () => clock;
  const sender = new CapturingSender();
  const directory = opts.directory ?? DemoDirectory.load();
  const audit: AuditEvent[] = [];
  const log = opts.log ?? silentLogger;
  /** Every typed event the core emitted (core/events.ts), in order. */
  const events: CoreEvent[] = [];
  const hub = new CoreEvents(log);
  hub.subscribe((e) => events.push(e));
  const service = createResetFlow(
    {
      directory,
      codeChannel:
        opts.codes ?? new LocalCodeChannel(sender, (code) => `Pantein: je code is ${code}.`, randomBytes(32)),
      notices: sender,
      mobile: mobileNormaliser({ defaultCountry: 'NL', allowedCountries: ['NL'] }),
      sessions: new MemorySessionStore(now),
      // The spacing per account runs on real time, not this fixture's clock: off unless a test sets it.
      throttles: new Throttles({
        ...DEFAULT_LIMITS,
        smsSpacingPerAccount: { points: 1_000_000, durationSeconds: 30 },
        ...opts.limits,
      }),
      audit: hub.auditing({ record: (e) => Promise.resolve(void audit.push(e)) }),
      log,
      now,
      events: hub,
    },
    { ...TEST_OPTIONS, ...opts.options },
  );
  const api: ResetApi = bindClient(service, { clientId: 'kiosk-1' });
  return {
    api,
    service,
    sender,
    directory,
    audit,
    events,
    advance: (ms: number) => void (clock += ms),
    /** A session at `step` for `user` (default Anna), every answer on the way checked (walk.ts). */
    walkTo: <S extends Step>(step: S, user?: Walker, walk?: WalkOptions) =>
      walkTo(api, (to) => sender.lastCode(to), step, user, walk),
  };
}
