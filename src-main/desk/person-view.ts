// What an agent sees of one person: PersonDesk's status (budgets, latest events, birthdate and mobile on file
// yes/no) plus whether AD counts her as locked out and the last two digits of her mobile, so the agent can ask
// "eindigt je nummer op 78?". Never the number, the birthdate or a code.
import type { PersonDesk, PersonStatus } from '../admin/person.js';
import { DirectoryUnavailableError, type Directory, type DirectoryUser } from '../core/ports/directory.js';
import { normaliseUsername } from '../core/username.js';
import { normaliseMobile } from '../sms/phone.js';
import type { Agent, AgentDirectory } from './agents.js';

export type PersonView = PersonStatus & { locked: boolean | undefined; mobileEnds: string | null; verified: boolean };
export type PhoneRules = { defaultCountry: string; allowedCountries: string[] };

/** The audit's name for an agent: `desk:<account>` (the client field of every line she causes). */
export const agentLabel = (agent: Agent) => `desk:${agent.account}`;

export class PersonViewer {
  constructor(
    private readonly people: PersonDesk,
    private readonly directory: Directory,
    private readonly agents: AgentDirectory,
    private readonly phone: PhoneRules,
  ) {}

  /** The directory's user for a typed name; null when none; undefined when the directory did not answer. */
  async user(typed: string): Promise<DirectoryUser | null | undefined> {
    const name = normaliseUsername(typed);
    if (!name) return null;
    try {
      return await this.directory.findUser(name);
    } catch (e) {
      if (e instanceof DirectoryUnavailableError) return undefined;
      throw e;
    }
  }

  /** E.164 mobile a code may go to, or undefined. */
  mobileOf(user: DirectoryUser): string | undefined {
    const m = normaliseMobile(user.mobile, this.phone);
    return m.ok ? m.e164 : undefined;
  }

  /** `status` given: the answer of an action (already audited); otherwise the look is audited as `status`. */
  async view(
    name: string,
    agent: Agent,
    verified: ReadonlyMap<string, number>,
    status?: PersonStatus,
  ): Promise<PersonView> {
    const s = status ?? (await this.people.status({ user: name }, agentLabel(agent)));
    const user = typeof s.account === 'object' && s.account ? await this.user(name) : null;
    const mobile = user ? this.mobileOf(user) : undefined;
    return {
      ...s,
      locked: user ? await this.agents.lockedOut(user) : undefined,
      mobileEnds: mobile ? mobile.slice(-2) : null,
      verified: user ? verified.has(user.accountKey) : false,
    };
  }
}
