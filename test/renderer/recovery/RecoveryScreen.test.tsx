import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { JournalEntry } from '../../../shared/ipc/contract';
import { RecoveryScreen } from '../../../renderer/recovery/RecoveryScreen';
import { fakeTokenDesk } from '../support';

afterEach(cleanup);

const entry = (n: number): JournalEntry => ({
  id: `j${n}`,
  queuedAt: n,
  operation: { kind: 'create', seq: n, tokenLocalId: `t${n}`, attempt: 1, authenticationCode: `CODE${n}AB12`, identifier: null, sealedPassCode: null, participantNumber: null },
});

function main() {
  const cleared = vi.fn(() => ({ journalled: 2 }));
  const fake = fakeTokenDesk({
    journalRead: () => ({ entries: [entry(1), entry(2)], problem: null }),
    exportUnsyncedWork: () => ({ path: '/data/exports/unsynced-work.json', count: 2 }),
    exportDiagnostics: () => ({ path: '/data/diagnostics/bundle.json' }),
    clearLocalDatabase: cleared,
  });
  return { fake, cleared };
}

const damage = { kind: 'unreadable' as const, detail: 'UnknownError: Internal error opening backing store for indexedDB.open.' };

describe('the recovery screen', () => {
  it('says what happened and what the second copy holds, in words, with the browser error behind Details', async () => {
    const { fake } = main();
    render(<RecoveryScreen damage={damage} api={fake.api} reload={() => undefined} />);
    expect(screen.getByRole('alert').textContent).toBe('The local database is damaged and cannot be read.');
    await screen.findByText(/2 changes not yet sent to the CRM are safe in the second copy/);
    expect(screen.getByText('Details')).toBeDefined();
    expect(screen.queryByText(/0 pending/)).toBeNull();
  });

  it('exports the unsynced work and diagnostics to files and says where', async () => {
    const { fake } = main();
    render(<RecoveryScreen damage={damage} api={fake.api} reload={() => undefined} />);
    await screen.findByText(/2 changes not yet sent/);
    fireEvent.click(screen.getByRole('button', { name: 'Export unsynced work to a file' }));
    await screen.findByText('Saved 2 changes to /data/exports/unsynced-work.json.');
    fireEvent.click(screen.getByRole('button', { name: 'Export diagnostics' }));
    await screen.findByText('Diagnostics saved to /data/diagnostics/bundle.json.');
    const diagnostics = fake.calls.find((call) => call.channel === 'exportDiagnostics')?.payload;
    expect(diagnostics).toMatchObject({ rendererState: { lastError: { code: 'DATABASE_UNREADABLE', message: damage.detail } } });
  });

  it('rebuilds by clearing the database in main and starting again (the start restores from the journal)', async () => {
    const { fake, cleared } = main();
    const reload = vi.fn();
    render(<RecoveryScreen damage={damage} api={fake.api} reload={reload} />);
    await screen.findByText(/2 changes not yet sent/);
    fireEvent.click(screen.getByRole('button', { name: 'Rebuild the database from the second copy' }));
    await vi.waitFor(() => expect(reload).toHaveBeenCalledTimes(1));
    expect(cleared).toHaveBeenCalledTimes(1);
  });

  it('offers no rebuild while the second copy cannot be read, and says why', async () => {
    const fake = fakeTokenDesk({ journalRead: () => Promise.reject(new Error('The journal file cannot be read: EACCES')) });
    render(<RecoveryScreen damage={damage} api={fake.api} reload={() => undefined} />);
    await screen.findByText(/The second copy of unsynced work could not be read: Token Desk could not do this: The journal file cannot be read: EACCES/);
    expect(screen.getByRole('button', { name: 'Rebuild the database from the second copy' })).toHaveProperty('disabled', true);
  });
});
