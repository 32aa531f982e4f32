import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { createFileAtomic } from '../fs/atomicFile';
import { VaultError, type Vault } from './vault';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const VERSION = 'v1';

/**
 * AES-256-GCM with a random key kept in a file readable only by its owner.
 * Used where no OS keychain is at hand (the browser shell, tests). It keeps
 * secrets out of IndexedDB and logs, but anyone who can read the key file can
 * open them: Electron's safeStorage is the real vault.
 */
export class FileKeyVault implements Vault {
  readonly protection = 'key file (no OS keychain)';
  private key: Promise<Buffer> | null = null;

  constructor(private readonly keyPath: string) {}

  async seal(plaintext: string): Promise<string> {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', await this.loadKey(), iv);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
  }

  async unseal(sealed: string): Promise<string> {
    const [version, payload] = sealed.split(':');
    if (version !== VERSION || payload === undefined) throw new VaultError('This secret was not sealed by this vault.');
    const raw = Buffer.from(payload, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', await this.loadKey(), raw.subarray(0, IV_BYTES));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new VaultError('This secret cannot be opened with this terminal\'s key; enter it again.');
    }
  }

  private loadKey(): Promise<Buffer> {
    // A failed read is not kept: once the disk or the file is fixed, the next seal works without a restart.
    this.key ??= readOrCreateKey(this.keyPath).catch((error: unknown) => {
      this.key = null;
      throw error;
    });
    return this.key;
  }
}

/**
 * The key file is created whole (temp file, fsync, link) or not at all. An empty file can only be
 * left by an older version's failed first write, before anything was sealed with it: it is replaced.
 */
async function readOrCreateKey(path: string): Promise<Buffer> {
  const existing = await readKey(path);
  if (existing) return existing;
  const key = randomBytes(KEY_BYTES);
  if (await createFileAtomic(path, key)) return key;
  const raced = await readKey(path);
  if (raced) return raced;
  throw new VaultError(`The vault key file ${path} could not be created.`);
}

async function readKey(path: string): Promise<Buffer | null> {
  let key: Buffer;
  try {
    key = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new VaultError(`The vault key file ${path} cannot be read: ${(error as Error).message}`);
  }
  if (key.length === KEY_BYTES) return key;
  if (key.length === 0) {
    await rm(path, { force: true });
    return null;
  }
  throw new VaultError(`The vault key file ${path} is damaged.`);
}
