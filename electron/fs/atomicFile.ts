import { randomBytes } from 'node:crypto';
import { link, mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Writes a file's bytes to disk for good (fsync) under a temporary name next to `path`. */
async function writeTemporary(path: string, data: string | Uint8Array, mode: number): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(temporary, 'wx', mode);
  try {
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temporary, { force: true });
    throw error;
  }
  return temporary;
}

/** So the rename itself survives a power cut. Not every platform can open a folder (Windows): best effort there. */
async function syncFolder(path: string): Promise<void> {
  const folder = await open(dirname(path), 'r').catch(() => null);
  if (!folder) return;
  try {
    await folder.sync();
  } catch {
    // a folder that cannot be synced (Windows) still has the rename
  } finally {
    await folder.close();
  }
}

/** Replaces `path` whole or not at all: readers see the old file or the new one, never a torn or empty one. */
export async function writeFileAtomic(path: string, data: string | Uint8Array, mode = 0o600): Promise<void> {
  const temporary = await writeTemporary(path, data, mode);
  try {
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  await syncFolder(path);
}

/** Creates `path` whole, unless it already exists (then false and nothing is changed). */
export async function createFileAtomic(path: string, data: string | Uint8Array, mode = 0o600): Promise<boolean> {
  const temporary = await writeTemporary(path, data, mode);
  try {
    await link(temporary, path);
    await syncFolder(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await rm(temporary, { force: true });
  }
}
