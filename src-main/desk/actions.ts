// What an agent may change, each with her typed reason and whether the caller was verified, audited under her
// own account (`desk:<account>`) with the person as subject: lift a person's budgets (every spelling and the
// account, as `admin unblock` does), lift a kiosk's or client's block, and unlock the AD account (lockoutTime = 0,
// the directory's unlock as the unlock flow uses it).
import type { PersonDesk, PersonStatus } from '../admin/person.js';
import type { AuditOutcome, AuditSink } from '../core/ports/audit.js';
import type { Directory, DirectoryUser } from '../core/ports/directory.js';
import type { BudgetKind, Throttles } from '../core/throttle.js';
import type { Agent } from './agents.js';
import { agentLabel } from './person-view.js';

/** The budgets counted per kiosk or client address (core/throttle.ts). */
export const CLIENT_KINDS: readonly BudgetKind[] = [
  'identityPerClient',
  'startsPerClient',
  'smsPerClient',
  'lockoutsPerClient',
];

/** One line, printable, at most 200 characters; null when too short to say anything (at least 5). */
export function cleanReason(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const r = raw
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return r.length >= 5 && r.length <= 200 ? r : null;
}

export class DeskActions {
  constructor(
    private readonly deps: { people: PersonDesk; throttles: Throttles; directory: Directory; audit: AuditSink },
  ) {}

  private note(
    agent: Agent,
    action: string,
    verified: boolean | null,
    subject: string | undefined,
    reason: string,
  ): Promise<void> {
    const outcome: AuditOutcome = `desk_${action}${verified === null ? '' : verified ? '_verified' : '_unverified'}`;
    return this.deps.audit.record({
      step: 'admin',
      outcome,
      ...(subject ? { user: subject } : {}),
      client: agentLabel(agent),
      reason,
    });
  }

  /** Clears every budget of the person; the status after it. */
  async unblock(name: string, agent: Agent, reason: string, verified: boolean): Promise<PersonStatus> {
    const after = await this.deps.people.unblock({ user: name }, agentLabel(agent));
    const subject =
      typeof after.account === 'object' && after.account ? after.account.username : (after.name ?? undefined);
    await this.note(agent, 'unblock', verified, subject, reason);
    return after;
  }

  /** Clears the budgets of a kiosk id or client address. */
  async unblockClient(client: string, agent: Agent, reason: string): Promise<void> {
    await this.deps.throttles.clearAll(CLIENT_KINDS.map((kind) => ({ kind, key: client })));
    await this.note(agent, 'unblock_client', null, undefined, `${client}: ${reason}`);
  }

  /** lockoutTime = 0 through the directory; 'ok', or why not (the agent sees it, the log has the detail). */
  async unlock(
    user: DirectoryUser,
    agent: Agent,
    reason: string,
    verified: boolean,
  ): Promise<'ok' | 'rights' | 'unavailable'> {
    const r = await this.deps.directory.unlock(user);
    await this.note(agent, r.ok ? 'unlock' : `unlock_failed_${r.reason}`, verified, user.username, reason);
    return r.ok ? 'ok' : r.reason;
  }
}
