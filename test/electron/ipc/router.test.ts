import { describe, expect, it, vi } from 'vitest';
import type { OperatorsView, PushReply, SettingsView } from '../../../shared/ipc/contract';
import { createTokenDeskApi, IpcCallError } from '../../../shared/ipc/tokenDeskApi';
import { createRouter, SOLE_WINDOW, type Handlers } from '../../../electron/ipc/router';
import { WordedError } from '../../../electron/wordedError';

const view: SettingsView = { crmUrl: '', organisation: '', username: '', unit: '', passwordSet: false, configured: false, pushConcurrency: 4, allowUnencrypted: false, unencrypted: false, waitingMoveFrom: [], damage: null };

const operators: OperatorsView = { operators: [], session: null, damage: null };

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    getSettings: vi.fn(async () => view),
    saveSettings: vi.fn(async () => view),
    confirmCrmMove: vi.fn(async () => view),
    sealSecret: vi.fn(async ({ plaintext }) => ({ sealed: `sealed:${plaintext}` })),
    getCrmDialect: vi.fn(async () => ({ dialect: null })),
    pushOperations: vi.fn(async (): Promise<PushReply> => ({ crm: 'unconfigured', message: null, results: [] })),
    refreshTokens: vi.fn(async () => ({ crm: 'unconfigured' as const, message: null, tokens: [], missing: [] })),
    participantTokens: vi.fn(async () => ({ crm: 'unconfigured' as const, message: null, participant: null, tokens: [] })),
    ownerTokens: vi.fn(async () => ({ crm: 'unconfigured' as const, message: null, tokens: [] })),
    fetchStock: vi.fn(async () => ({ crm: 'unconfigured' as const, message: null, tokens: [] })),
    testConnection: vi.fn(async () => ({ crm: 'unconfigured' as const, message: null })),
    checkPassCode: vi.fn(async () => ({ crm: 'unconfigured' as const, message: null, valid: null, token: null })),
    listClassifications: vi.fn(async () => ({ crm: 'unconfigured' as const, message: null, classifications: [] })),
    journalAppend: vi.fn(async () => ({ live: 1 })),
    journalSettle: vi.fn(async () => ({ live: 0 })),
    journalRead: vi.fn(async () => ({ entries: [], problem: null })),
    exportUnsyncedWork: vi.fn(async () => ({ path: '/data/exports/unsynced.json', count: 0 })),
    importUnsyncedWork: vi.fn(async () => ({ entries: [] })),
    clearLocalDatabase: vi.fn(async () => ({ journalled: 0 })),
    exportDiagnostics: vi.fn(async () => ({ path: '/data/diagnostics/bundle.json' })),
    getTraining: vi.fn(async () => ({ on: false, faults: null })),
    setTraining: vi.fn(async () => ({ on: false, faults: null })),
    setTrainingFaults: vi.fn(async () => ({ on: true, faults: { offline: false, lostReplies: 0, failures: 0 } })),
    getOperators: vi.fn(async () => operators),
    createFirstManager: vi.fn(async () => operators),
    signIn: vi.fn(async () => operators),
    lockScreen: vi.fn(async () => operators),
    signOut: vi.fn(async () => operators),
    addOperator: vi.fn(async () => operators),
    removeOperator: vi.fn(async () => operators),
    resetOperator: vi.fn(async () => operators),
    authorize: vi.fn(async () => ({ operator: { id: 'o1', name: 'Maria' }, approvedBy: null })),
    listPrinters: vi.fn(async () => ({ silent: false, printers: [] })),
    printSlip: vi.fn(async () => ({ via: 'dialog' as const })),
    setLanguage: vi.fn(async () => ({})),
    ...overrides,
  };
}

describe('IPC router', () => {
  it('passes a valid request to its handler and returns the checked reply', async () => {
    const h = handlers();
    const router = createRouter(h);
    expect(await router.handle('sealSecret', { plaintext: '1234' })).toEqual({ ok: true, value: { sealed: 'sealed:1234' } });
    expect(h.sealSecret).toHaveBeenCalledWith({ plaintext: '1234' }, SOLE_WINDOW);
  });

  it('refuses an unknown channel', async () => {
    const reply = await createRouter(handlers()).handle('deleteEverything', {});
    expect(reply).toEqual({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'Unknown IPC channel: deleteEverything', words: { code: 'badCall', channel: 'deleteEverything' } } });
  });

  it('refuses a bad payload without calling the handler', async () => {
    const h = handlers();
    const router = createRouter(h);
    const bad = [
      ['sealSecret', { plaintext: '' }],
      ['sealSecret', { plaintext: '1', extra: true }],
      ['saveSettings', { crmUrl: 'ftp://x', organisation: 'A', username: 'u' }],
      ['pushOperations', { operations: [{ kind: 'create', seq: 0 }] }],
      ['pushOperations', null],
    ] as const;
    for (const [channel, payload] of bad) {
      const reply = await router.handle(channel, payload);
      expect(reply.ok, `${channel} ${JSON.stringify(payload)}`).toBe(false);
      if (!reply.ok) expect(reply.error.code).toBe('BAD_REQUEST');
    }
    expect(h.sealSecret).not.toHaveBeenCalled();
    expect(h.saveSettings).not.toHaveBeenCalled();
    expect(h.pushOperations).not.toHaveBeenCalled();
  });

  it("takes the window's language, and refuses a language it does not know in words, without calling the handler", async () => {
    const h = handlers();
    const router = createRouter(h);
    expect(await router.handle('setLanguage', { language: 'el' })).toEqual({ ok: true, value: {} });
    expect(h.setLanguage).toHaveBeenCalledWith({ language: 'el' }, SOLE_WINDOW);
    for (const payload of [{ language: 'de' }, { language: 'en-XA' }, { language: 'EL' }, {}, { language: 'en', extra: 1 }]) {
      expect(await router.handle('setLanguage', payload), JSON.stringify(payload)).toMatchObject({
        ok: false,
        error: { code: 'BAD_REQUEST', message: expect.stringMatching(/^Invalid setLanguage request: /), words: { code: 'badCall', channel: 'setLanguage' } },
      });
    }
    expect(h.setLanguage).toHaveBeenCalledTimes(1);
  });

  it('refuses a handler reply that breaks the contract', async () => {
    const router = createRouter(handlers({ getSettings: async () => ({ ...view, configured: 'yes' }) as unknown as SettingsView }));
    const reply = await router.handle('getSettings', {});
    expect(reply).toMatchObject({ ok: false, error: { code: 'BAD_REPLY' } });
  });

  it('turns a handler failure into an error reply', async () => {
    const router = createRouter(handlers({ getSettings: () => Promise.reject(new Error('disk full')) }));
    expect(await router.handle('getSettings', {})).toEqual({ ok: false, error: { code: 'FAILED', message: 'disk full', words: { code: 'failed', detail: 'disk full' } } });
  });

  it('asks the access check with the calling window first, and refuses without calling the handler', async () => {
    const h = handlers();
    const asked: Array<[string, string]> = [];
    const router = createRouter(h, async (channel, caller) => {
      asked.push([channel, caller.window]);
      return channel === 'saveSettings' && caller.window !== 'manager' ? new WordedError({ code: 'managerOnly', task: 'saveSettings' }, 'Only a manager can change the CRM settings.') : null;
    });
    const input = { crmUrl: 'https://crm.example.com', organisation: 'A', username: 'u' };
    expect(await router.handle('saveSettings', input, { window: 'clerk' })).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'Only a manager can change the CRM settings.', words: { code: 'managerOnly', task: 'saveSettings' } },
    });
    expect(h.saveSettings).not.toHaveBeenCalled();
    expect(await router.handle('saveSettings', input, { window: 'manager' })).toMatchObject({ ok: true });
    expect(h.saveSettings).toHaveBeenCalledWith(input, { window: 'manager' });
    expect(await router.handle('getSettings', {})).toMatchObject({ ok: true });
    expect(asked).toEqual([['saveSettings', 'clerk'], ['saveSettings', 'manager'], ['getSettings', SOLE_WINDOW.window]]);
  });

  it('answers FAILED when the access check itself fails', async () => {
    const router = createRouter(handlers(), () => Promise.reject(new Error('operators file unreadable')));
    expect(await router.handle('getSettings', {})).toEqual({
      ok: false,
      error: { code: 'FAILED', message: 'operators file unreadable', words: { code: 'failed', detail: 'operators file unreadable' } },
    });
  });

  it('is reached through the same preload factory the app uses, which throws the error for the caller', async () => {
    const router = createRouter(handlers());
    const api = createTokenDeskApi((channel, payload) => router.handle(channel, payload), () => undefined);
    await expect(api.sealSecret({ plaintext: 'abcd' })).resolves.toEqual({ sealed: 'sealed:abcd' });
    const failure = api.saveSettings({ crmUrl: 'nope', organisation: '', username: '' });
    await expect(failure).rejects.toBeInstanceOf(IpcCallError);
    await expect(failure).rejects.toThrow(/CRM URL must start with http/);
  });
});
