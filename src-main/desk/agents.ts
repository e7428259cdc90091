// Who may use the servicedesk pages: the AgentDirectory port, and its demo implementation (the AD one is
// directory/ad/desk.ts). One answer, null, for every refusal: unknown name, wrong password, disabled, not in
// a group, so the sign-in page tells nobody which of them it was.
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { DirectoryUser } from '../core/ports/directory.js';
import { nameKey } from '../core/username.js';
import { resourcePath } from '../resources.js';

export type AgentRole = 'servicedesk' | 'auditor';
export type Agent = { account: string; displayName: string; role: AgentRole };

export interface AgentDirectory {
  /** Throws DirectoryUnavailableError when the directory cannot answer. */
  signIn(username: string, password: string): Promise<Agent | null>;
  /** Locked out now; undefined when it cannot be told. */
  lockedOut(user: DirectoryUser): Promise<boolean | undefined>;
}

const fileSchema = z.object({
  agents: z.array(
    z.object({
      username: z.string().min(1),
      displayName: z.string().min(1),
      password: z.string().min(8),
      role: z.enum(['servicedesk', 'auditor']),
      disabled: z.boolean().optional(),
    }),
  ),
});

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** The demo's agents (resources/demo-agents.json), checked in constant time; locks from the demo directory. */
export class DemoAgents implements AgentDirectory {
  private readonly agents: Map<string, { agent: Agent; digest: Buffer; disabled: boolean }>;

  constructor(
    file: string,
    private readonly locked: (user: DirectoryUser) => boolean | undefined,
  ) {
    const parsed = fileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    this.agents = new Map(
      parsed.agents.map((a) => [
        nameKey(a.username),
        {
          agent: { account: a.username, displayName: a.displayName, role: a.role },
          digest: digest(a.password),
          disabled: a.disabled ?? false,
        },
      ]),
    );
  }

  static load(
    locked: (user: DirectoryUser) => boolean | undefined,
    file = resourcePath('demo-agents.json'),
  ): DemoAgents {
    return new DemoAgents(file, locked);
  }

  // In memory: answered at once, as settled promises (the port is asynchronous for AD).
  signIn(username: string, password: string): Promise<Agent | null> {
    const known = this.agents.get(nameKey(username));
    const match = timingSafeEqual(digest(password), known?.digest ?? digest(`\0${password}`));
    return Promise.resolve(known && match && !known.disabled ? { ...known.agent } : null);
  }

  lockedOut(user: DirectoryUser): Promise<boolean | undefined> {
    return Promise.resolve(this.locked(user));
  }
}
