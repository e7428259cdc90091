// A directory that answers to more than one name per account, as Active Directory does: the demo's people by
// their username and by a UPN prefix that differs from it (anna.janssen@ for A.Janssen, like bram.vandenberg@
// for bvdberg on the test DC), each folded as Windows folds (case, width, accents: core/username.ts).
import { nameKey } from '../../src-main/core/username.js';
import { DemoDirectory } from '../../src-main/directory/demo.js';
import type { Directory, DirectoryUser } from '../../src-main/core/ports/directory.js';

/** UPN prefix → username, for the demo people the tests use. */
export const ALIASES: Record<string, string> = {
  'anna.janssen': 'A.Janssen',
  'eleonore.dubois': 'E.Dubois',
  'marieke.bakker': 'M.Bakker',
};

export class AliasDirectory implements Directory {
  readonly enforcesHistory = true;
  readonly lookups: string[] = [];
  private readonly people = DemoDirectory.load();
  private readonly aliases = new Map(Object.entries(ALIASES).map(([upn, sam]) => [nameKey(upn), sam]));

  async findUser(username: string): Promise<DirectoryUser | null> {
    this.lookups.push(username);
    const user = await this.people.findUser(this.aliases.get(nameKey(username)) ?? username);
    // Like AD's userPrincipalName prefix (ad-user.ts): the other name this account answers to.
    return user && { ...user, aliases: Object.keys(ALIASES).filter((upn) => ALIASES[upn] === user.username) };
  }

  resetPassword: Directory['resetPassword'] = (user, password) => this.people.resetPassword(user, password);
  passwordPolicy: Directory['passwordPolicy'] = (user) => this.people.passwordPolicy(user);
  unlock: Directory['unlock'] = (user) => this.people.unlock(user);

  async close(): Promise<void> {}
}
