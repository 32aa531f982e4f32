import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_DEFINITION } from '../../shared/token/defaultDefinition';
import type { TokenDeskDatabase } from '../../renderer/storage/database';
import { readDefinition, readScreenLock, readSyncConfig } from '../../renderer/storage/meta';
import { nav, startApp, type RunningApp } from './appHarness';
import { closeTestDb, issue, openTestDb } from './support';

let db: TokenDeskDatabase;
beforeEach(() => {
  db = openTestDb();
});
afterEach(async () => {
  cleanup();
  vi.restoreAllMocks();
  await closeTestDb(db);
});

async function openSettings(handlers: Parameters<typeof startApp>[1] = {}): Promise<RunningApp> {
  const app = startApp(db, handlers);
  fireEvent.click(nav().getByRole('button', { name: 'Settings' }));
  await screen.findByRole('form', { name: 'Settings' });
  return app;
}

const type = (scope: HTMLElement, label: string, value: string) => fireEvent.change(within(scope).getByLabelText(label), { target: { value } });

describe('Settings: CRM sign-in', () => {
  it('tests the connection and says what the CRM answered', async () => {
    let reach: 'ok' | 'loginFailed' = 'loginFailed';
    const { fake } = await openSettings({ testConnection: () => ({ crm: reach, message: reach === 'ok' ? null : 'CrmError 401 Wrong password' }) });
    const form = screen.getByRole('form', { name: 'Settings' });
    type(form, 'CRM URL', 'https://typed.example.com');
    type(form, 'Organisation', 'Typed');
    fireEvent.click(within(form).getByRole('button', { name: 'Test connection' }));
    expect(await within(form).findByText('The CRM refused the sign-in. Check the organisation, unit, username and password.')).toBeTruthy();
    // The CRM's own words only behind "Details"; the test used what is on screen, unsaved.
    expect(within(form).getByText('CrmError 401 Wrong password').closest('details')).toBeTruthy();
    expect(fake.calls.find((call) => call.channel === 'testConnection')?.payload).toEqual({
      settings: { crmUrl: 'https://typed.example.com', organisation: 'Typed', username: '', allowUnencrypted: false },
    });
    expect(fake.calls.some((call) => call.channel === 'saveSettings')).toBe(false);
    reach = 'ok';
    fireEvent.click(within(form).getByRole('button', { name: 'Test connection' }));
    expect(await within(form).findByText('Connected: the CRM accepted the sign-in.')).toBeTruthy();
  });

  it('says main’s detail behind Details in the clerk’s words, its English kept for the log', async () => {
    const words = { code: 'crmUnreached', detail: 'connect ECONNREFUSED 127.0.0.1:9' } as const;
    await openSettings({ testConnection: () => ({ crm: 'unreachable', message: 'Could not ask the CRM: connect ECONNREFUSED 127.0.0.1:9', words }) });
    const form = screen.getByRole('form', { name: 'Settings' });
    type(form, 'CRM URL', 'https://typed.example.com');
    fireEvent.click(within(form).getByRole('button', { name: 'Test connection' }));
    expect(await within(form).findByText('The CRM cannot be reached. Check the CRM URL and the network.')).toBeTruthy();
    expect(within(form).getByText('The CRM could not be reached: connect ECONNREFUSED 127.0.0.1:9').closest('details')).toBeTruthy();
    expect(within(form).queryByText(/Could not ask the CRM/)).toBeNull();
  });

  it('sends the unit when it changed', async () => {
    const { fake } = await openSettings({ saveSettings: (input) => ({ ...input, unit: input.unit ?? '', passwordSet: false, configured: true, pushConcurrency: 4, allowUnencrypted: false, unencrypted: false, waitingMoveFrom: [], damage: null }) });
    const form = screen.getByRole('form', { name: 'Settings' });
    type(form, 'CRM URL', 'https://crm.example.com');
    type(form, 'Unit (optional)', 'Main Counter');
    fireEvent.click(within(form).getByRole('button', { name: 'Save CRM sign-in' }));
    expect(await screen.findByText('Settings saved')).toBeTruthy();
    expect(fake.calls.find((call) => call.channel === 'saveSettings')?.payload).toMatchObject({ unit: 'Main Counter' });
  });
});

describe('Settings: this counter', () => {
  it('stores the terminal name (stamped on audit rows beside the signed-in operator), the screen lock, the sync interval and the stock level', async () => {
    const { fake } = await openSettings();
    const form = await screen.findByRole('form', { name: 'Counter' });
    expect(within(form).queryByLabelText('Operator name')).toBeNull();
    type(form, 'Terminal name', 'Counter 2');
    type(form, 'Lock the screen after (minutes idle)', '0');
    fireEvent.click(within(form).getByRole('button', { name: 'Save counter settings' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('Lock the screen after 1 to 120 minutes.');
    type(form, 'Lock the screen after (minutes idle)', '3');
    type(form, 'Sync interval (seconds)', '2');
    fireEvent.click(within(form).getByRole('button', { name: 'Save counter settings' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('Sync interval must be 5 to 3600 seconds, and the stock level 0 to 100.');

    type(form, 'Sync interval (seconds)', '60');
    type(form, 'Stock level', '5');
    fireEvent.click(within(form).getByRole('button', { name: 'Save counter settings' }));
    expect(await within(form).findByText('Counter settings saved')).toBeTruthy();
    expect(await readSyncConfig(db)).toMatchObject({ intervalMs: 60_000, stockLevel: 5 });
    expect(await readScreenLock(db)).toEqual({ idleMinutes: 3 });
    expect(fake.calls.filter((call) => call.channel === 'authorize').map((call) => call.payload)).toEqual([{ action: 'counterSettings' }]);
    await issue(db);
    expect(await db.audit.toArray()).toMatchObject([{ action: 'issue', operator: 'Maria', operatorId: 'op-maria', terminal: 'Counter 2' }]);
  });
});

describe('Settings: access token definition', () => {
  const upload = (text: string) => {
    const input = screen.getByLabelText('Import definition (JSON file)');
    fireEvent.change(input, { target: { files: [new File([text], 'definition.json', { type: 'application/json' })] } });
  };

  it('shows what the active definition enforces, and imports a valid file', async () => {
    await openSettings();
    const section = screen.getByRole('region', { name: 'Access token definition' });
    expect(await within(section).findByText('Default loyalty card')).toBeTruthy();
    expect(within(section).getByText('Optional: tokens may be issued without them')).toBeTruthy();
    upload(JSON.stringify({ ...DEFAULT_DEFINITION, name: 'Strict card', allowWithoutIdentifier: false }));
    expect(await within(section).findByText('Definition “Strict card” imported; it applies from now on.')).toBeTruthy();
    expect(await within(section).findByText('Required on every token')).toBeTruthy();
    expect((await readDefinition(db)).name).toBe('Strict card');
  });

  it('refuses a bad file with a clear error and changes nothing', async () => {
    await openSettings();
    upload(JSON.stringify({ ...DEFAULT_DEFINITION, identifier: { ...DEFAULT_DEFINITION.identifier, minLength: 0 } }));
    const error = await screen.findByRole('alert');
    expect(error.textContent).toMatch(/^This is not a valid access token definition: 1 problem, listed below\. Nothing was changed\./);
    const problems = within(error).getByRole('list', { name: 'Problems in the file' });
    expect(within(problems).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['identifier.minLength: The value must be at least 1.']);
    expect(await readDefinition(db)).toEqual(DEFAULT_DEFINITION);
  });
});

describe('Settings: audit log export', () => {
  it('downloads the audit log as CSV', async () => {
    await issue(db, { authenticationCode: 'AAAA1111BBBB2222', identifier: 'CARD0001' }, Date.UTC(2026, 0, 2, 9, 30));
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:audit';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const downloads: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(`${this.download} ${this.href}`);
    });
    await openSettings();
    fireEvent.click(screen.getByRole('button', { name: 'Export audit log (CSV)' }));
    expect(await screen.findByText('Exported 1 audit entry.')).toBeTruthy();
    expect(downloads).toEqual([expect.stringMatching(/^token-desk-audit-\d{4}-\d{2}-\d{2}\.csv blob:audit$/)]);
    expect(blobs[0]?.type).toBe('text/csv;charset=utf-8');
    // A byte order mark first, so spreadsheet programs read UTF-8.
    expect([...new Uint8Array(await blobs[0]!.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = await blobs[0]!.text();
    expect(text.split('\r\n')).toEqual([
      'Time,Terminal,Operator,Operator ID,Approved by,Action,Outcome,Authentication code,Identifier,Detail',
      '2026-01-02T09:30:00.000Z,,,,,issue,queued,AAAA1111BBBB2222,CARD0001,Issued AAAA1111BBBB2222 (identifier CARD0001)',
      '',
    ]);
    await waitFor(() => expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:audit'));
  });
});

describe('Settings: diagnostics', () => {
  it('asks main to write a support bundle with the queue state and shows where it went', async () => {
    await issue(db);
    const { fake } = await openSettings({ exportDiagnostics: () => ({ path: '/data/diagnostics/token-desk-diagnostics-1.json' }) });
    fireEvent.click(screen.getByRole('button', { name: 'Export diagnostics' }));
    expect(await screen.findByText('Saved to /data/diagnostics/token-desk-diagnostics-1.json')).toBeTruthy();
    const sent = fake.calls.find((call) => call.channel === 'exportDiagnostics')?.payload as { rendererState: Record<string, unknown> };
    expect(Object.keys(sent.rendererState).sort()).toEqual(
      ['conflictCount', 'crm', 'lastError', 'lastMessage', 'lastSyncAt', 'oldestPendingAt', 'parkedCount', 'pendingCount', 'syncing'],
    );
  });

  it('says what went wrong when main cannot write it', async () => {
    await openSettings({ exportDiagnostics: () => { throw new Error('The disk is full'); } });
    fireEvent.click(screen.getByRole('button', { name: 'Export diagnostics' }));
    expect((await screen.findByText('Token Desk could not do this: The disk is full')).getAttribute('role')).toBe('alert');
  });
});
