import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, ipcContract, ipcEnvelopeSchema, isChannel, type Channel, type RequestOf } from '../../shared/ipc/contract';
import { createMainServices, type MainServices } from '../../electron/app/mainServices';
import { startTrainingSimulator } from '../../electron/training/demoSimulator';
import { createIpcGate } from '../../electron/security/ipcGate';
import { FileKeyVault } from '../../electron/vault/fileKeyVault';
import { signInManager } from '../electron/signedIn';
import { memoryLogger } from './fakes';

/**
 * Random and malformed payloads at every IPC channel, through the real router and main services
 * (temp folder, file-key vault): each gets a typed error envelope, nothing throws, and nothing changes.
 */

const CODE = 'A1B2C3D4E5F6G7H8';
const base = { updatedDate: null, lifeCycleState: 'EFFECTIVE', identifier: null } as const;

/** One valid request per channel; `satisfies` makes a new channel add its example here. */
const VALID = {
  getSettings: {},
  confirmCrmMove: {},
  saveSettings: { crmUrl: 'https://crm.example.com', organisation: 'DEMO', username: 'demo', password: 'secret-pass' },
  sealSecret: { plaintext: '1234' },
  pushOperations: {
    operations: [
      { seq: 1, tokenLocalId: 't1', attempt: 1, authenticationCode: CODE, kind: 'create', identifier: 'CARD1', sealedPassCode: 'v1:x', participantNumber: null },
      { seq: 2, tokenLocalId: 't1', attempt: 1, authenticationCode: CODE, kind: 'setState', base, target: 'NOT_EFFECTIVE' },
    ],
  },
  refreshTokens: { authenticationCodes: [CODE] },
  participantTokens: { participantNumber: 'P1' },
  ownerTokens: { number: '000001' },
  fetchStock: { count: 5 },
  testConnection: {},
  checkPassCode: { identifier: 'CARD1', sealedPassCode: 'v1:x' },
  listClassifications: {},
  journalAppend: {
    entries: [
      { id: 'j1', queuedAt: 1, operation: { seq: 1, tokenLocalId: 't1', attempt: 1, authenticationCode: CODE, kind: 'setState', base, target: 'NOT_EFFECTIVE' } },
    ],
  },
  journalSettle: { ids: ['j1'], outcome: 'synced' },
  journalRead: {},
  exportUnsyncedWork: {},
  importUnsyncedWork: { text: '{}' },
  clearLocalDatabase: {},
  exportDiagnostics: {
    rendererState: {
      crm: 'ok',
      pendingCount: 1,
      parkedCount: 0,
      conflictCount: 0,
      oldestPendingAt: null,
      lastSyncAt: null,
      lastMessage: null,
      lastError: null,
      syncing: false,
    },
  },
  getCrmDialect: {},
  setLanguage: { language: 'el' },
  getTraining: {},
  setTraining: { on: true },
  setTrainingFaults: { offline: true },
  getOperators: {},
  createFirstManager: { name: 'Anna', pin: '1234' },
  signIn: { operatorId: 'op-1', pin: '1234' },
  lockScreen: {},
  signOut: {},
  addOperator: { name: 'Bob', role: 'clerk', pin: '1234', badge: 'BADGE-0001' },
  removeOperator: { operatorId: 'op-1' },
  resetOperator: { operatorId: 'op-1', pin: '5678', badge: null },
  authorize: { action: 'discardChange', manager: { operatorId: 'op-1', pin: '1234' } },
  listPrinters: {},
  printSlip: { deviceName: 'TM-T20', paper: '80mm', heightMm: 120 },
} satisfies { [C in Channel]: RequestOf<C> };

function rejects(channel: Channel, payload: unknown): boolean {
  return !ipcContract[channel].request.safeParse(payload).success;
}

/** Replaces the value at a random path of a valid payload, drops it, or adds a stranger key. */
function nearMiss(valid: unknown): fc.Arbitrary<unknown> {
  const paths: string[][] = [];
  const walk = (value: unknown, path: string[]) => {
    if (value === null || typeof value !== 'object') return;
    for (const [key, inner] of Object.entries(value)) {
      paths.push([...path, key]);
      walk(inner, [...path, key]);
    }
  };
  walk(valid, []);
  if (paths.length === 0) return fc.anything();
  return fc.tuple(fc.constantFrom(...paths), fc.oneof(fc.anything(), fc.constant(undefined), fc.string({ maxLength: 5000 })), fc.nat(2)).map(([path, replacement, how]) => {
    const copy = structuredClone(valid) as Record<string, unknown>;
    let target: Record<string, unknown> = copy;
    for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>;
    const last = path[path.length - 1] as string;
    if (how === 0) delete target[last];
    else if (how === 1) target[last] = replacement;
    else target[`${last}_extra`] = replacement;
    return copy;
  });
}

function malformed(channel: Channel): fc.Arbitrary<unknown> {
  const hostile = fc.constantFrom<unknown>(
    JSON.parse('{"__proto__":{"polluted":true}}'),
    Object.create(null),
    [],
    'x'.repeat(100_000),
    Number.NaN,
    -0,
    10n ** 30n,
    Symbol('s'),
    () => 1,
    new Date(Number.NaN),
    new Map([[1, 2]]),
  );
  return fc.oneof(fc.anything({ withBigInt: true, withNullPrototype: true, withMap: true, withSet: true, withTypedArray: true }), nearMiss(VALID[channel]), hostile).filter((p) => rejects(channel, p));
}

describe('every IPC channel under random and malformed payloads', () => {
  let dataDir: string;
  let services: MainServices;
  let fetchCalls = 0;
  let settingsBefore: string;
  let filesBefore: string[];

  const listFiles = async () => (await readdir(dataDir, { recursive: true })).map(String).filter((f) => !f.startsWith('logs')).sort();

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'ipc-fuzz-'));
    services = createMainServices({
      dataDir,
      vault: new FileKeyVault(join(dataDir, 'vault.key')),
      fetch: async () => {
        fetchCalls += 1;
        return new Response('{}', { status: 500 });
      },
      training: { start: startTrainingSimulator },
    });
    // Signed in as a manager, so manager-only channels reach their request check.
    await signInManager(services.router);
    const saved = await services.router.handle('saveSettings', VALID.saveSettings);
    expect(saved.ok).toBe(true);
    settingsBefore = await readFile(join(dataDir, 'settings.json'), 'utf8');
    filesBefore = await listFiles();
  });

  afterAll(async () => {
    await services.dispose();
  });

  it('knows a valid example for every channel', () => {
    expect(Object.keys(VALID).sort()).toEqual([...CHANNELS].sort());
    for (const channel of CHANNELS) expect(rejects(channel, VALID[channel]), channel).toBe(false);
  });

  for (const channel of CHANNELS) {
    it(`${channel}: answers BAD_REQUEST, never throws, changes nothing`, async () => {
      await fc.assert(
        fc.asyncProperty(malformed(channel), async (payload) => {
          const reply = await services.router.handle(channel, payload);
          const envelope = ipcEnvelopeSchema.parse(reply);
          expect(envelope.ok).toBe(false);
          if (!envelope.ok) expect(envelope.error.code).toBe('BAD_REQUEST');
        }),
        { numRuns: 150 },
      );
      expect(await readFile(join(dataDir, 'settings.json'), 'utf8')).toBe(settingsBefore);
      expect(await listFiles()).toEqual(filesBefore);
      expect(fetchCalls).toBe(0);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }

  it('answers UNKNOWN_CHANNEL for anything that is not a channel', async () => {
    const notChannel = fc.oneof(fc.anything({ withNullPrototype: true, withBigInt: true }), fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'GETSETTINGS', ' getSettings')).filter((c) => !isChannel(c));
    await fc.assert(
      fc.asyncProperty(notChannel, fc.anything(), async (channel, payload) => {
        const reply = ipcEnvelopeSchema.parse(await services.router.handle(channel, payload));
        expect(reply).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
      }),
      { numRuns: 300 },
    );
    expect(await readFile(join(dataDir, 'settings.json'), 'utf8')).toBe(settingsBefore);
    expect(fetchCalls).toBe(0);
  });

  it('refuses every call whose sender is not the app:// main frame, before the router sees it', async () => {
    let reached = 0;
    const gate = createIpcGate({ handle: async () => ((reached += 1), { ok: true, value: null }) }, memoryLogger());
    const sender = fc.record({
      frameUrl: fc.oneof(fc.webUrl(), fc.string(), fc.constant(undefined), fc.constantFrom('app://token-desk.evil/', 'app://evil/index.html', 'app://x@token-desk/', 'file:///app/index.html', 'devtools://devtools/')),
      isMainFrame: fc.boolean(),
      window: fc.string(),
    });
    await fc.assert(
      fc.asyncProperty(sender, fc.constantFrom(...CHANNELS), fc.anything(), async (from, channel, payload) => {
        expect(await gate(from, channel, payload)).toEqual({ ok: false, error: { code: 'FAILED', message: 'IPC refused: the sender is not the Token Desk window.', words: { code: 'notTheWindow' } } });
      }),
      { numRuns: 300 },
    );
    expect(reached).toBe(0);
    expect(await gate({ frameUrl: 'app://token-desk/index.html', isMainFrame: false, window: '1' }, 'getSettings', {})).toMatchObject({ ok: false });
    expect(await gate({ frameUrl: 'app://token-desk/index.html', isMainFrame: true, window: '1' }, 'getSettings', {})).toEqual({ ok: true, value: null });
    expect(reached).toBe(1);
  });
});
