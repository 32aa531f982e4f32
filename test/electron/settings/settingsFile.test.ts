import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SettingsFile } from '../../../electron/settings/settingsFile';
import { FileKeyVault } from '../../../electron/vault/fileKeyVault';

async function store() {
  const dir = await mkdtemp(join(tmpdir(), 'settings-'));
  const path = join(dir, 'settings.json');
  return { path, store: new SettingsFile(path, new FileKeyVault(join(dir, 'vault.key'))) };
}

const input = { crmUrl: 'http://127.0.0.1:8787', organisation: 'DEMO', username: 'demo', password: 'demo' };

describe('settings store', () => {
  it('starts empty and unconfigured', async () => {
    const { store: s } = await store();
    expect(await s.view()).toEqual({ crmUrl: '', organisation: '', username: '', unit: '', passwordSet: false, configured: false, pushConcurrency: 4 });
    expect(await s.connection()).toBeNull();
  });

  it('keeps the password sealed on disk and hands it only to the connection', async () => {
    const { store: s, path } = await store();
    expect(await s.save(input)).toMatchObject({ passwordSet: true, configured: true });
    const onDisk = await readFile(path, 'utf8');
    expect(onDisk).not.toMatch(/"demo"\s*}/);
    expect(JSON.parse(onDisk).sealedPassword).not.toBe('demo');
    expect(await s.connection()).toEqual({
      serverUrl: 'http://127.0.0.1:8787',
      credentials: { username: 'demo', password: 'demo', organisation: 'DEMO' },
    });
  });

  it('keeps the stored password when none is given and clears it on an empty one', async () => {
    const { store: s } = await store();
    await s.save(input);
    expect(await s.save({ ...input, password: undefined, username: 'other' })).toMatchObject({ passwordSet: true, username: 'other' });
    expect(await s.save({ ...input, password: '' })).toMatchObject({ passwordSet: false, configured: false, pushConcurrency: 4 });
  });

  it('sets only the CRM URL, keeping the rest', async () => {
    const { store: s } = await store();
    await s.save(input);
    await s.setCrmUrl('http://127.0.0.1:9999');
    expect(await s.view()).toMatchObject({ crmUrl: 'http://127.0.0.1:9999', username: 'demo', passwordSet: true });
  });

  it('says clearly when the file is damaged', async () => {
    const { store: s, path } = await store();
    await writeFile(path, '{not json');
    await expect(s.view()).rejects.toThrow(/settings file .* is damaged/);
  });

  it('keeps the push concurrency (4 by default) until it is changed', async () => {
    const { store: s } = await store();
    expect(await s.save(input)).toMatchObject({ pushConcurrency: 4 });
    expect(await s.save({ ...input, pushConcurrency: 2 })).toMatchObject({ pushConcurrency: 2 });
    expect(await s.save(input)).toMatchObject({ pushConcurrency: 2 });
  });

  it('logs in to the unit when one is set', async () => {
    const { store: s } = await store();
    await s.save({ ...input, unit: 'Main Counter' });
    expect((await s.connection())?.credentials).toEqual({ username: 'demo', password: 'demo', organisation: 'DEMO', unit: 'Main Counter' });
  });
});
