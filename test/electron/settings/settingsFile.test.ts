import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SecretMask } from '../../../electron/logging/redact';
import { SettingsFile, type ApproveOriginChange } from '../../../electron/settings/settingsFile';
import { BoundSecrets } from '../../../electron/vault/boundSecrets';
import { FileKeyVault } from '../../../electron/vault/fileKeyVault';

async function store(approve?: ApproveOriginChange) {
  const dir = await mkdtemp(join(tmpdir(), 'settings-'));
  const path = join(dir, 'settings.json');
  const vault = new FileKeyVault(join(dir, 'vault.key'));
  const secrets = new BoundSecrets(vault, new SecretMask());
  return { path, dir, vault, secrets, store: new SettingsFile(path, secrets, approve) };
}

const input = { crmUrl: 'http://127.0.0.1:8787', organisation: 'DEMO', username: 'demo', password: 'demo' };
const ORIGIN = 'http://127.0.0.1:8787';

describe('settings store', () => {
  it('starts empty and unconfigured', async () => {
    const { store: s } = await store();
    expect(await s.view()).toEqual({
      crmUrl: '',
      organisation: '',
      username: '',
      unit: '',
      passwordSet: false,
      configured: false,
      pushConcurrency: 4,
      allowUnencrypted: false,
      unencrypted: false,
      waitingMoveFrom: [],
      damage: null,
    });
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
      origin: ORIGIN,
      credentials: { username: 'demo', password: 'demo', organisation: 'DEMO' },
    });
  });

  it('keeps the stored password when none is given and clears it on an empty one', async () => {
    const { store: s } = await store();
    await s.save(input);
    expect(await s.save({ ...input, password: undefined, username: 'other' })).toMatchObject({ passwordSet: true, username: 'other' });
    expect(await s.save({ ...input, crmUrl: 'http://127.0.0.1:8787/api/', password: undefined })).toMatchObject({ passwordSet: true });
    expect(await s.save({ ...input, password: '' })).toMatchObject({ passwordSet: false, configured: false, pushConcurrency: 4 });
  });

  it('drops the password when the CRM moves to another origin: it must be typed again', async () => {
    const { store: s } = await store();
    await s.save(input);
    expect(await s.save({ ...input, crmUrl: 'http://127.0.0.1:9999', password: undefined })).toMatchObject({ passwordSet: false, configured: false });
    expect(await s.connection()).toBeNull();
    await s.save({ ...input, crmUrl: 'http://127.0.0.1:9999', password: 'typed-again' });
    expect((await s.connection())?.credentials.password).toBe('typed-again');
  });

  it('asks for approval before the origin changes, and changes nothing when refused', async () => {
    const asked: unknown[] = [];
    const { store: s } = await store(async (change) => {
      asked.push(change);
      throw new Error("A manager's approval is needed to change the CRM.");
    });
    await s.save(input);
    await expect(s.save({ ...input, crmUrl: 'https://other.example' })).rejects.toThrow(/manager's approval/);
    expect(asked).toEqual([{ from: ORIGIN, to: 'https://other.example' }]);
    expect(await s.view()).toMatchObject({ crmUrl: input.crmUrl, passwordSet: true });
  });

  it('the browser shell URL follows the same rule', async () => {
    const { store: s } = await store();
    await s.save(input);
    await s.setCrmUrl('http://127.0.0.1:8787/other');
    expect(await s.view()).toMatchObject({ crmUrl: 'http://127.0.0.1:8787/other', username: 'demo', passwordSet: true });
    await s.setCrmUrl('http://127.0.0.1:9999');
    expect(await s.view()).toMatchObject({ crmUrl: 'http://127.0.0.1:9999', passwordSet: false, waitingMoveFrom: [ORIGIN] });
  });

  it('needs https:// unless the CRM is this computer or an unencrypted CRM is allowed, which the view then says', async () => {
    const { store: s } = await store();
    await expect(s.save({ ...input, crmUrl: 'http://crm.example.com' })).rejects.toThrow(/must start with https:\/\//);
    expect(await s.view()).toMatchObject({ crmUrl: '' });
    expect(await s.save({ ...input, crmUrl: 'http://localhost:8787' })).toMatchObject({ unencrypted: false });
    expect(await s.save({ ...input, crmUrl: 'https://crm.example.com' })).toMatchObject({ unencrypted: false });
    expect(await s.save({ ...input, crmUrl: 'http://crm.example.com', allowUnencrypted: true })).toMatchObject({ unencrypted: true, allowUnencrypted: true });
  });

  it('refuses to connect over plain http:// to another computer when the file says so without the setting', async () => {
    const { store: s, path } = await store();
    await writeFile(path, JSON.stringify({ crmUrl: 'http://crm.example.com', organisation: 'O', username: 'u', sealedPassword: null }));
    expect(await s.view()).toMatchObject({ unencrypted: true, allowUnencrypted: false });
    await expect(s.connection()).rejects.toThrow(/plain http:\/\//);
  });

  it('reports a damaged file in the view, lets it be replaced, and reads a fixed file without a restart', async () => {
    const { store: s, path } = await store();
    await writeFile(path, '{not json');
    expect((await s.view()).damage).toMatch(/settings file .* is damaged/);
    await expect(s.connection()).rejects.toThrow(/damaged/);
    await writeFile(path, JSON.stringify({ crmUrl: 'https://crm.example.com', organisation: 'O', username: 'u', sealedPassword: null }));
    expect(await s.view()).toMatchObject({ damage: null, crmUrl: 'https://crm.example.com' });
    await writeFile(path, '{not json');
    const fresh = (await store()).store;
    expect(await fresh.view()).toMatchObject({ damage: null });
    const damaged = new SettingsFile(path, (await store()).secrets);
    expect((await damaged.view()).damage).not.toBeNull();
    expect(await damaged.save(input)).toMatchObject({ damage: null, configured: true });
  });

  it('writes the file whole: no temporary file is left behind', async () => {
    const { store: s, dir } = await store();
    await s.save(input);
    const { readdir } = await import('node:fs/promises');
    expect(await readdir(dir)).toEqual(expect.arrayContaining(['settings.json']));
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
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

  it('tests values on screen with the saved password only for its own origin, and saves nothing', async () => {
    const { store: s, path } = await store();
    await s.save(input);
    const before = await readFile(path, 'utf8');
    const onScreen = { crmUrl: 'http://127.0.0.1:8787/api/', organisation: 'Other', username: 'someone' };
    expect(await s.connectionFor(onScreen)).toEqual({
      serverUrl: 'http://127.0.0.1:8787/api/',
      origin: ORIGIN,
      credentials: { username: 'someone', password: 'demo', organisation: 'Other' },
    });
    expect(await s.connectionFor({ ...onScreen, crmUrl: 'http://127.0.0.1:9999' })).toBeNull();
    expect((await s.connectionFor({ ...onScreen, crmUrl: 'http://127.0.0.1:9999', password: 'typed' }))?.credentials.password).toBe('typed');
    await expect(s.connectionFor({ ...onScreen, crmUrl: 'http://crm.example.com', password: 'typed' })).rejects.toThrow(/plain http/);
    expect(await readFile(path, 'utf8')).toBe(before);
  });
});

describe('pass codes bound to their CRM', () => {
  it('opens a pass code only for the origin it was sealed for, until the operator confirms the move', async () => {
    const { store: s } = await store();
    await s.save(input);
    const sealed = await s.sealPassCode('4321');
    expect(await s.openPassCode(sealed, ORIGIN)).toBe('4321');
    await expect(s.openPassCode(sealed, 'https://attacker.example')).rejects.toThrow(/entered for http:\/\/127\.0\.0\.1:8787.*waits until you confirm the move/);
    await s.save({ ...input, crmUrl: 'https://new.example', password: 'x' });
    expect((await s.view()).waitingMoveFrom).toEqual([ORIGIN]);
    await expect(s.openPassCode(sealed, 'https://new.example')).rejects.toThrow(/confirm the move/);
    expect((await s.confirmMove()).waitingMoveFrom).toEqual([]);
    expect(await s.openPassCode(sealed, 'https://new.example')).toBe('4321');
    await s.save({ ...input, crmUrl: 'https://third.example', password: 'x' });
    await expect(s.openPassCode(sealed, 'https://third.example')).rejects.toThrow(/confirm the move/);
    expect((await s.view()).waitingMoveFrom).toEqual(expect.arrayContaining([ORIGIN, 'https://new.example']));
  });

  it('lets pass codes queued before any CRM was configured go to the first one', async () => {
    const { store: s } = await store();
    const sealed = await s.sealPassCode('9876');
    await s.save(input);
    expect(await s.openPassCode(sealed, ORIGIN)).toBe('9876');
  });

  it('never uses a sealed password as a pass code, nor a pass code as the password', async () => {
    const { store: s, path, secrets } = await store();
    await s.save(input);
    const sealedPassword = JSON.parse(await readFile(path, 'utf8')).sealedPassword as string;
    await expect(s.openPassCode(sealedPassword, ORIGIN)).rejects.toThrow(/is a CRM password; it cannot be used as a pass code/);
    const stored = JSON.parse(await readFile(path, 'utf8'));
    await writeFile(path, JSON.stringify({ ...stored, sealedPassword: await secrets.seal('1234', 'passCode', ORIGIN) }));
    const reread = new SettingsFile(path, secrets);
    await expect(reread.connection()).rejects.toThrow(/is a pass code; it cannot be used as a CRM password/);
  });

  it('binds pass codes sealed before this version to the CRM configured when it first ran', async () => {
    const { store: s, path, vault } = await store();
    const legacySealed = await vault.seal('5555');
    await writeFile(path, JSON.stringify({ crmUrl: input.crmUrl, organisation: 'DEMO', username: 'demo', sealedPassword: await vault.seal('demo') }));
    expect((await s.connection())?.credentials.password).toBe('demo');
    expect(await s.openPassCode(legacySealed, ORIGIN)).toBe('5555');
    await s.save({ ...input, crmUrl: 'https://new.example' });
    await expect(s.openPassCode(legacySealed, 'https://new.example')).rejects.toThrow(/confirm the move/);
    await rm(path);
  });
});
