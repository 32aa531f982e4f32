import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: resolve(import.meta.dirname, '../..') });

// ESLint loads its config and parsers on the first lint: that cost (long on a loaded machine) is paid here, not in a test.
beforeAll(() => eslint.lintText('', { filePath: 'shared/warm.ts' }), 120_000);

async function layeringErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => ['no-restricted-imports', 'no-restricted-globals', 'no-restricted-syntax'].includes(m.ruleId ?? ''))
    .map((m) => m.message);
}

/** The thin files that may import Electron (eslint.config.js names the same list). */
const ELECTRON_FACING = [
  'electron/app/main.ts',
  'electron/preload/preload.ts',
  'electron/protocol/appProtocol.ts',
  'electron/ipc/ipcRegistration.ts',
  'electron/vault/safeStorageVault.ts',
];

describe('the layering lint rule', () => {
  it('keeps shared/ free of Electron, Node, DOM, renderer and main-process code', async () => {
    const code = [
      "import { app } from 'electron';",
      "import { readFileSync } from 'node:fs';",
      "import { join } from 'path';",
      "import { CrmClient } from '../electron/crm/crmClient';",
      "import { TokenDeskDatabase } from '../renderer/storage/database';",
      'export const used = [app, readFileSync, join, CrmClient, TokenDeskDatabase, window, process];',
    ].join('\n');
    expect(await layeringErrors('shared/token/example.ts', code)).toHaveLength(7);
  });

  it('keeps renderer/ away from electron/ and Node', async () => {
    const code = "import { CrmClient } from '../electron/crm/crmClient';\nimport { readFile } from 'node:fs';\nexport const x = [CrmClient, readFile];";
    expect(await layeringErrors('renderer/example.ts', code)).toHaveLength(2);
  });

  it('keeps electron/ away from renderer/, and Electron itself in the few files named for it', async () => {
    const code = "import { app } from 'electron';\nimport { TokenDeskDatabase } from '../../renderer/storage/database';\nexport const x = [app, TokenDeskDatabase];";
    expect(await layeringErrors('electron/sync/example.ts', code)).toHaveLength(2);
    for (const file of ELECTRON_FACING) expect(await layeringErrors(file, code), file).toHaveLength(1);
    // A neighbour of an Electron-facing file gets no pass: the rule names files, not folders.
    expect(await layeringErrors('electron/vault/fileKeyVault.ts', code)).toHaveLength(2);
    expect(await layeringErrors('electron/app/mainServices.ts', code)).toHaveLength(2);
  });

  it('keeps scripts/ away from renderer/ and Electron', async () => {
    const code = "import { app } from 'electron';\nimport { TokenDeskDatabase } from '../../renderer/storage/database';\nexport const x = [app, TokenDeskDatabase];";
    expect(await layeringErrors('scripts/tools/example.ts', code)).toHaveLength(2);
  });

  it('lets each layer import shared/', async () => {
    const code = "import { CHANNELS } from '../shared/ipc/contract';\nexport const x = CHANNELS;";
    expect(await layeringErrors('renderer/example.ts', code)).toEqual([]);
  });

  it('keeps database writes out of screens and components: they call commands and read queries', async () => {
    const writes = [
      "import { editToken } from '../commands/tokenWrites';",
      "import { takeBatch, enqueue, retryParked } from '../outbox';",
      "import { park } from '../outbox/parking';",
      "import { writeCounterIdentity } from '../storage/meta';",
      "import { addAudit } from '../storage/audit';",
      "import { applyServerTokens } from '../storage/serverCopies';",
      "import { withKeys } from '../storage/tokenRows';",
      "import { TokenDeskDatabase } from '../storage/database';",
      "import { assertFree } from '../refusals';",
      'export const x = [editToken, takeBatch, enqueue, retryParked, park, writeCounterIdentity, addAudit, applyServerTokens, withKeys, TokenDeskDatabase, assertFree];',
      'export const put = (db: { tokens: { put: (x: number) => void } }) => db.tokens.put(1);',
      "export const tx = (db: { transaction: (mode: string) => void }) => db.transaction('rw');",
    ].join('\n');
    const messages = await layeringErrors('renderer/components/Example.tsx', writes);
    expect(messages).toHaveLength(13);
    expect(messages.every((m) => m.includes('call a command'))).toBe(true);
    expect(await layeringErrors('renderer/screens/Example.tsx', writes)).toHaveLength(13);
    // Below the screens (commands, the outbox, stores, sync) the same code is allowed.
    expect(await layeringErrors('renderer/commands/example.ts', writes)).toEqual([]);
  });

  it('lets screens and components call commands and read queries', async () => {
    const reads = [
      "import { editIdentifier, switchState } from '../commands';",
      "import { queueEntries, isWaiting, type QueueEntry } from '../outbox';",
      "import { readDefinition, syncConfigSchema, type SyncConfig } from '../storage/meta';",
      "import { findTokens } from '../storage/queries';",
      "import { tokenHistory } from '../storage/audit';",
      "import type { TokenDeskDatabase } from '../storage/database';",
      'export type T = QueueEntry | SyncConfig | TokenDeskDatabase;',
      'export const x = [editIdentifier, switchState, queueEntries, isWaiting, readDefinition, syncConfigSchema, findTokens, tokenHistory];',
      'export const get = (db: { tokens: { get: (x: number) => void } }) => db.tokens.get(1);',
    ].join('\n');
    expect(await layeringErrors('renderer/components/Example.tsx', reads)).toEqual([]);
  });
});
