import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileKeyVault } from '../../../electron/vault/fileKeyVault';

async function freshKeyPath(): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), 'vault-')), 'vault.key');
}

describe('file key vault', () => {
  it('seals so that the plain text does not appear, and unseals it back', async () => {
    const vault = new FileKeyVault(await freshKeyPath());
    const sealed = await vault.seal('pass-1234');
    expect(sealed).not.toContain('pass-1234');
    expect(await vault.unseal(sealed)).toBe('pass-1234');
  });

  it('keeps its key in a file only the owner can read, reused by the next instance', async () => {
    const path = await freshKeyPath();
    const sealed = await new FileKeyVault(path).seal('secret');
    // Windows has no POSIX modes (the user profile's ACL protects the key there).
    if (process.platform !== 'win32') expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await new FileKeyVault(path).unseal(sealed)).toBe('secret');
  });

  it('refuses secrets sealed with another key or tampered with', async () => {
    const sealed = await new FileKeyVault(await freshKeyPath()).seal('secret');
    await expect(new FileKeyVault(await freshKeyPath()).unseal(sealed)).rejects.toThrow(/cannot be opened/);
    await expect(new FileKeyVault(await freshKeyPath()).unseal('plain')).rejects.toThrow(/not sealed by this vault/);
  });

  it('refuses a damaged key file', async () => {
    const path = await freshKeyPath();
    await writeFile(path, 'short');
    await expect(new FileKeyVault(path).seal('x')).rejects.toThrow(/damaged/);
    expect(await readFile(path, 'utf8')).toBe('short');
  });
});
