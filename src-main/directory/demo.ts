// The embedded demo directory: people from resources/demo-directory.json, kept in memory.
// It keeps the last 5 passwords (as keyed hashes, in memory only) so the manual's history rule really works.
import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { parseStoredBirthdate } from '../core/birthdate.js';
import { resourcePath } from '../resources.js';
import type { Directory, DirectoryUser, ResetOutcome, UnlockOutcome } from '../core/ports/directory.js';

const HISTORY = 5;

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
    }),
  ),
});

type Entry = { user: DirectoryUser; locked: boolean; history: string[] };

export class DemoDirectory implements Directory {
  readonly enforcesHistory = true;
  private readonly key = randomBytes(32);
  private readonly entries = new Map<string, Entry>();

  static load(file = resourcePath('demo-directory.json')): DemoDirectory {
    return new DemoDirectory(fileSchema.parse(JSON.parse(readFileSync(file, 'utf8'))).users);
  }

  constructor(users: z.infer<typeof fileSchema>['users']) {
    for (const u of users) {
      const user: DirectoryUser = {
        id: u.username.toLowerCase(),
        username: u.username,
        givenName: u.givenName,
        surname: u.surname,
        displayName: `${u.givenName} ${u.surname}`,
        birthdate: parseStoredBirthdate(u.birthdate),
        mobile: u.mobile,
        disabled: u.disabled ?? false,
      };
      this.entries.set(user.id, { user, locked: u.locked ?? false, history: [] });
    }
  }

  async findUser(username: string): Promise<DirectoryUser | null> {
    const entry = this.entries.get(username.toLowerCase());
    return entry ? structuredClone(entry.user) : null;
  }

  async resetPassword(user: Pick<DirectoryUser, 'id' | 'username'>, password: string): Promise<ResetOutcome> {
    const entry = this.entries.get(user.id);
    if (!entry) return { ok: false, reason: 'rights', detail: `demo: no user ${user.id}` };
    const hash = createHmac('sha256', this.key).update(`${user.id}\0${password}`).digest('hex');
    if (entry.history.includes(hash)) return { ok: false, reason: 'history' };
    entry.history = [hash, ...entry.history].slice(0, HISTORY);
    entry.locked = false; // like lockoutTime = 0 in AD
    return { ok: true };
  }

  async unlock(user: Pick<DirectoryUser, 'id' | 'username'>): Promise<UnlockOutcome> {
    const entry = this.entries.get(user.id);
    if (!entry) return { ok: false, reason: 'rights', detail: `demo: no user ${user.id}` };
    entry.locked = false;
    return { ok: true };
  }

  /** Every demo user (the readiness report on the demo). */
  users(): DirectoryUser[] {
    return [...this.entries.values()].map((e) => structuredClone(e.user));
  }

  /** For tests and the demo banner: whether a user is still locked out. */
  isLocked(username: string): boolean {
    return this.entries.get(username.toLowerCase())?.locked ?? false;
  }

  async close(): Promise<void> {}
}
