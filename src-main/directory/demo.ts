// The embedded demo directory: people from resources/demo-directory.json, kept in memory.
// Like a domain it has a password policy (and users may have a stricter one, like an AD PSO), and it keeps the
// last passwords (as keyed hashes, in memory only) so the history rule really works.
// Names match the way Windows AD matches them (case, width, accents: core/username.ts), so the demo shows
// what many spellings of one account do to its budgets.
import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { parseStoredBirthdate } from '../core/birthdate.js';
import { nameKey } from '../core/username.js';
import { resourcePath } from '../resources.js';
import type {
  Directory,
  DirectoryPasswordPolicy,
  DirectoryUser,
  ResetOutcome,
  UnlockOutcome,
} from '../core/ports/directory.js';

const policySchema = z.object({
  source: z.string().default('domain'),
  minLength: z.number().int().min(0).max(128),
  historyLength: z.number().int().min(0).max(24),
  complexity: z.boolean(),
});
const DOMAIN_POLICY = { source: 'domain', minLength: 8, historyLength: 5, complexity: true };

const fileSchema = z.object({
  users: z.array(
    z.object({
      username: z.string().min(1),
      givenName: z.string(),
      surname: z.string(),
      birthdate: z.string().optional(),
      mobile: z.string().optional(),
      locked: z.boolean().optional(),
      disabled: z.boolean().optional(),
      passwordPolicy: policySchema.optional(),
    }),
  ),
  passwordPolicy: policySchema.default(DOMAIN_POLICY),
});

type Entry = { user: DirectoryUser; locked: boolean; history: string[]; policy: DirectoryPasswordPolicy };

export class DemoDirectory implements Directory {
  readonly enforcesHistory = true;
  private readonly key = randomBytes(32);
  private readonly entries = new Map<string, Entry>();
  /** nameKey(username) → id: how a typed name finds its account. */
  private readonly byName = new Map<string, string>();

  static load(file = resourcePath('demo-directory.json')): DemoDirectory {
    const parsed = fileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    return new DemoDirectory(parsed.users, parsed.passwordPolicy);
  }

  constructor(users: z.infer<typeof fileSchema>['users'], domain: z.infer<typeof policySchema> = DOMAIN_POLICY) {
    for (const u of users) {
      const user: DirectoryUser = {
        id: u.username.toLowerCase(),
        accountKey: u.username.toLowerCase(),
        username: u.username,
        givenName: u.givenName,
        surname: u.surname,
        displayName: `${u.givenName} ${u.surname}`,
        birthdate: parseStoredBirthdate(u.birthdate),
        mobile: u.mobile,
        disabled: u.disabled ?? false,
      };
      const policy = { ...(u.passwordPolicy ?? domain), minAgeSeconds: 0 };
      this.entries.set(user.id, { user, locked: u.locked ?? false, history: [], policy });
      this.byName.set(nameKey(u.username), user.id);
    }
  }

  // In memory: every answer is ready at once, as a settled promise (the port is asynchronous for real directories).
  findUser(username: string): Promise<DirectoryUser | null> {
    const entry = this.entries.get(this.byName.get(nameKey(username)) ?? '');
    return Promise.resolve(entry ? structuredClone(entry.user) : null);
  }

  resetPassword(user: Pick<DirectoryUser, 'id' | 'username'>, password: string): Promise<ResetOutcome> {
    return Promise.resolve(this.reset(user, password));
  }

  private reset(user: Pick<DirectoryUser, 'id' | 'username'>, password: string): ResetOutcome {
    const entry = this.entries.get(user.id);
    if (!entry) return { ok: false, reason: 'rights', detail: `demo: no user ${user.id}` };
    // What a DC would refuse itself: too short for this user's policy, or one of the last N.
    if ([...password].length < entry.policy.minLength) return { ok: false, reason: 'policy' };
    const hash = createHmac('sha256', this.key).update(`${user.id}\0${password}`).digest('hex');
    if (entry.history.includes(hash)) return { ok: false, reason: 'history' };
    entry.history = [hash, ...entry.history].slice(0, entry.policy.historyLength);
    entry.locked = false; // like lockoutTime = 0 in AD
    return { ok: true };
  }

  unlock(user: Pick<DirectoryUser, 'id' | 'username'>): Promise<UnlockOutcome> {
    const entry = this.entries.get(user.id);
    if (!entry) return Promise.resolve({ ok: false, reason: 'rights', detail: `demo: no user ${user.id}` });
    entry.locked = false;
    return Promise.resolve({ ok: true });
  }

  /** Every demo user (the readiness report on the demo). */
  users(): DirectoryUser[] {
    return [...this.entries.values()].map((e) => structuredClone(e.user));
  }

  passwordPolicy(user: Pick<DirectoryUser, 'id'>): Promise<DirectoryPasswordPolicy> {
    return Promise.resolve({ ...(this.entries.get(user.id)?.policy ?? { ...DOMAIN_POLICY, minAgeSeconds: 0 }) });
  }

  /** For tests and the demo banner: whether a user is still locked out. */
  isLocked(username: string): boolean {
    return this.entries.get(username.toLowerCase())?.locked ?? false;
  }

  async close(): Promise<void> {}
}
