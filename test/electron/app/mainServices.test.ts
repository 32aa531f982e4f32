import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMainServices, type MainServices } from '../../../electron/app/mainServices';
import type { EventName } from '../../../shared/ipc/contract';
import { startTrainingSimulator } from '../../../electron/training/demoSimulator';
import { FileKeyVault } from '../../../electron/vault/fileKeyVault';
import { signInManager } from '../signedIn';

describe('main speaks first', () => {
  let services: MainServices;
  let heard: Array<[EventName, unknown]>;

  beforeEach(async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'main-events-'));
    services = createMainServices({ dataDir, vault: new FileKeyVault(join(dataDir, 'vault.key')), training: { start: startTrainingSimulator } });
    await signInManager(services.router);
    heard = [];
    services.events.subscribe((event, payload) => heard.push([event, payload]));
  });
  afterEach(() => services.dispose());

  it('tells the renderer the queue may move once the CRM settings are saved', async () => {
    const reply = await services.router.handle('saveSettings', { crmUrl: 'http://127.0.0.1:9', organisation: 'DEMO', username: 'demo' });
    expect(reply.ok).toBe(true);
    expect(heard).toEqual([['queueChanged', { cause: 'crmSettingsSaved' }]]);
  });

  it('says nothing for a refused save', async () => {
    await services.router.handle('saveSettings', { crmUrl: 'ftp://nope' });
    expect(heard).toEqual([]);
  });

  it('tells a push’s progress from its start to its end, without being asked', async () => {
    await services.router.handle('pushOperations', { operations: [] });
    expect(heard).toEqual([
      ['syncProgress', { running: true, done: 0, total: 0, lastError: null }],
      ['syncProgress', { running: false, done: 0, total: 0, lastError: { code: 'unconfigured', message: 'No CRM is configured; changes stay queued.', words: { code: 'noCrm' } } }],
    ]);
  });

  it('has no channel to poll for progress any more', async () => {
    expect(await services.router.handle('getSyncProgress', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });
});

describe('clearing the local database for a rebuild', () => {
  const entry = { id: 'j1', queuedAt: 1, operation: { kind: 'create', seq: 1, tokenLocalId: 't1', attempt: 1, authenticationCode: 'CODE1AB12', identifier: null, sealedPassCode: null, participantNumber: null } };

  async function servicesWith(clearRendererStorage?: () => Promise<void>) {
    const dataDir = await mkdtemp(join(tmpdir(), 'main-clear-'));
    return createMainServices({ dataDir, vault: new FileKeyVault(join(dataDir, 'vault.key')), training: { start: startTrainingSimulator }, clearRendererStorage });
  }

  it('clears the renderer storage once the journal was read, and says how much work it holds for the rebuild', async () => {
    const cleared: string[] = [];
    const services = await servicesWith(async () => {
      cleared.push('indexeddb');
    });
    await services.router.handle('journalAppend', { entries: [entry] });
    expect(await services.router.handle('clearLocalDatabase', {})).toEqual({ ok: true, value: { journalled: 1 } });
    expect(cleared).toEqual(['indexeddb']);
    expect((await services.journal.read()).entries).toHaveLength(1);
    await services.dispose();
  });

  it('refuses where the window storage cannot be cleared, changing nothing', async () => {
    const services = await servicesWith();
    expect(await services.router.handle('clearLocalDatabase', {})).toMatchObject({ ok: false, error: { code: 'FAILED', message: expect.stringMatching(/cannot rebuild/) } });
    await services.dispose();
  });
});

describe('printing where main has no printer (the browser shell)', () => {
  it('answers that the renderer prints through the dialog, and lists no printer', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'main-print-'));
    const services = createMainServices({ dataDir, vault: new FileKeyVault(join(dataDir, 'vault.key')), training: { start: startTrainingSimulator } });
    try {
      expect(await services.router.handle('listPrinters', {})).toEqual({ ok: true, value: { silent: false, printers: [] } });
      expect(await services.router.handle('printSlip', { paper: '58mm', heightMm: 90 })).toEqual({ ok: true, value: { via: 'dialog' } });
      expect(await services.router.handle('printSlip', { paper: '60mm', heightMm: 90 })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    } finally {
      await services.dispose();
    }
  });
});

describe("the window's language in main", () => {
  it("is taken from a window nobody signed in at (it is said before sign-in), and a bad one changes nothing", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'main-language-'));
    const services = createMainServices({ dataDir, vault: new FileKeyVault(join(dataDir, 'vault.key')), training: { start: startTrainingSimulator }, systemLanguage: 'en' });
    try {
      expect(services.language.current()).toBe('en');
      expect(await services.router.handle('setLanguage', { language: 'el' }, { window: 'not signed in' })).toEqual({ ok: true, value: {} });
      expect(services.language.current()).toBe('el');
      expect(await services.router.handle('setLanguage', { language: 'fr' }, { window: 'not signed in' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
      expect(services.language.current()).toBe('el');
    } finally {
      await services.dispose();
    }
  });
});
