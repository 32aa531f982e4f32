import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TokenDeskDatabase } from '../../renderer/storage/database';
import { footer, startApp } from './appHarness';
import { closeTestDb, issue, openTestDb } from './support';

let db: TokenDeskDatabase;
beforeEach(() => {
  db = openTestDb();
});
afterEach(async () => {
  cleanup();
  await closeTestDb(db);
});

describe('the second copy of unsynced work, on screen', () => {
  it('tells the clerk what the start put back in the queue, until dismissed', async () => {
    startApp(db, {}, { restoration: { restored: ['create ABC123', 'set not effective'], problem: null } });
    const notice = await screen.findByText(/database had lost 2 changes not yet sent to the CRM/);
    expect(notice.textContent).toContain('create ABC123, set not effective.');
    fireEvent.click(screen.getByRole('button', { name: 'Understood' }));
    expect(screen.queryByText(/database had lost/)).toBeNull();
  });

  it('says in the status bar when the journal cannot be written, and stops saying it once it can', async () => {
    let full = true;
    const { services } = startApp(db, {
      journalAppend: ({ entries }) => {
        if (full) throw new Error('no space left on device');
        return { live: entries.length };
      },
      journalRead: () => ({ entries: [], problem: null }),
      journalSettle: () => ({ live: 0 }),
    });
    await issue(services.db);
    expect(await footer().findByText(/second copy of unsynced work could not be written \(Token Desk could not do this: no space left on device\)/)).toBeDefined();
    full = false;
    await issue(services.db);
    await expect.poll(() => footer().queryByText(/second copy/)).toBeNull();
  });
});
