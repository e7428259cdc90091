// Local mode: the AD service account's password, kept with safeStorage (DPAPI, user scope, on Windows) and
// never in the settings, the config or the logs (checklist: secrets stay in main; fiddle does the same).
// An installed Windows kiosk reads install.ps1's machine-scope copy first (machine-secret.ts): user-scope DPAPI is
// lost at every reset of the kiosk account's password (repair, update, the tile's rotation). This path remains for
// a kiosk without it: a plain file only the kiosk account can read and delete, encrypted into its profile at its
// first start and deleted. Uses the async safeStorage API (Electron >= 39): the sync one is deprecated.
import { readFile, rm, writeFile, rename } from 'node:fs/promises';
import type { SafeStorage } from 'electron';

export type SecretCipher = Pick<
  SafeStorage,
  'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync'
>;

export class SecretError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretError';
  }
}

export type SecretFiles = {
  /** Ciphertext written by this kiosk account (its own profile folder). */
  encrypted: string;
  /** Plain-text import file, read once and deleted. */
  importFile: string;
};

const exists = async (p: string) =>
  readFile(p).then(
    (b) => b,
    () => undefined,
  );

async function writeAtomic(path: string, data: Buffer): Promise<void> {
  await writeFile(`${path}.tmp`, data, { mode: 0o600 });
  await rename(`${path}.tmp`, path);
}

/** The password, or undefined when none was provisioned (demo, or a directory without a bind password). */
export async function loadDirectorySecret(cipher: SecretCipher, files: SecretFiles): Promise<string | undefined> {
  const plain = await exists(files.importFile);
  const sealed = await exists(files.encrypted);
  if (!plain && !sealed) return undefined;
  if (!(await cipher.isAsyncEncryptionAvailable())) {
    throw new SecretError(
      'safeStorage is not available: the AD password cannot be protected (on Windows: DPAPI for this account)',
    );
  }
  if (plain) {
    const secret = plain.toString('utf8').replace(/\r?\n$/, '');
    if (!secret) throw new SecretError(`${files.importFile} is empty`);
    await writeAtomic(files.encrypted, await cipher.encryptStringAsync(secret));
    // Overwrite before deleting, so the plain text does not linger in the file's clusters longer than needed.
    await writeFile(files.importFile, Buffer.alloc(plain.length));
    await rm(files.importFile, { force: true });
    return secret;
  }
  let decrypted: { result: string; shouldReEncrypt: boolean };
  try {
    decrypted = await cipher.decryptStringAsync(sealed!);
  } catch {
    throw new SecretError(`${files.encrypted} cannot be decrypted by this account: provision the password again`);
  }
  if (decrypted.shouldReEncrypt) await writeAtomic(files.encrypted, await cipher.encryptStringAsync(decrypted.result));
  return decrypted.result;
}
