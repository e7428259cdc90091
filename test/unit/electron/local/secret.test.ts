// The AD service-account password: imported once from a plain file (then deleted), kept encrypted with
// safeStorage's async API, re-encrypted when the OS asks. A fake cipher stands in for DPAPI.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDirectorySecret, SecretError, type SecretCipher } from '../../../../src-main/electron/local/secret.js';

function fakeCipher(opts: { available?: boolean; reEncrypt?: boolean } = {}): SecretCipher & { encrypted: number } {
  const c = {
    encrypted: 0,
    isAsyncEncryptionAvailable: () => Promise.resolve(opts.available ?? true),
    encryptStringAsync: (s: string) =>
      Promise.resolve((c.encrypted++, Buffer.from(`enc:${Buffer.from(s).toString('base64')}`))),
    decryptStringAsync: (b: Buffer) => {
      const t = b.toString();
      if (!t.startsWith('enc:')) return Promise.reject(new Error('bad'));
      return Promise.resolve({
        result: Buffer.from(t.slice(4), 'base64').toString(),
        shouldReEncrypt: opts.reEncrypt ?? false,
      });
    },
  };
  return c;
}

let dir: string;
let files: { encrypted: string; importFile: string };
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rk-secret-'));
  files = { encrypted: join(dir, 'directory-password.bin'), importFile: join(dir, 'directory-password.txt') };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('directory secret', () => {
  it('is undefined when nothing was provisioned (demo)', async () => {
    expect(await loadDirectorySecret(fakeCipher(), files)).toBeUndefined();
  });

  it('imports the plain file once: encrypts it, deletes the plain text, then decrypts on later starts', async () => {
    writeFileSync(files.importFile, 'S3rvice!Pw\r\n');
    const cipher = fakeCipher();
    expect(await loadDirectorySecret(cipher, files)).toBe('S3rvice!Pw');
    expect(existsSync(files.importFile)).toBe(false);
    expect(readFileSync(files.encrypted, 'utf8')).not.toContain('S3rvice!Pw');
    expect(await loadDirectorySecret(cipher, files)).toBe('S3rvice!Pw');
    expect(cipher.encrypted).toBe(1);
  });

  it('re-encrypts when safeStorage says the key rotated', async () => {
    writeFileSync(files.importFile, 'pw');
    const cipher = fakeCipher({ reEncrypt: true });
    await loadDirectorySecret(cipher, files);
    expect(await loadDirectorySecret(cipher, files)).toBe('pw');
    expect(cipher.encrypted).toBe(2);
  });

  it('refuses to run unprotected, an empty import, or a blob this account cannot decrypt', async () => {
    writeFileSync(files.importFile, 'pw');
    await expect(loadDirectorySecret(fakeCipher({ available: false }), files)).rejects.toThrow(SecretError);
    expect(existsSync(files.importFile)).toBe(true); // not consumed when it could not be protected
    writeFileSync(files.importFile, '\n');
    await expect(loadDirectorySecret(fakeCipher(), files)).rejects.toThrow(/empty/);
    rmSync(files.importFile);
    writeFileSync(files.encrypted, 'garbage');
    await expect(loadDirectorySecret(fakeCipher(), files)).rejects.toThrow(/cannot be decrypted/);
  });
});
