import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TokenDeskDatabase } from '../../renderer/storage/database';
import { startApp } from './appHarness';
import { closeTestDb, issue, openTestDb } from './support';

let db: TokenDeskDatabase;
const print = vi.fn();

beforeEach(() => {
  db = openTestDb();
  print.mockReset();
  window.print = print;
});

afterEach(async () => {
  cleanup();
  await closeTestDb(db);
});

describe('reprint', () => {
  it('prints the slip from the token screen and from its history, and offers the new slip after a new code', async () => {
    const token = await issue(db, { identifier: 'REPRINT1' });
    const { services } = startApp(db);
    services.ui.getState().openToken(token.localId);
    fireEvent.click(await screen.findByRole('button', { name: 'Print slip' }, { timeout: 5_000 }));
    const slip = await screen.findByRole('article', { name: 'Your loyalty access token' });
    expect(within(slip).getByText('REPRINT1')).toBeTruthy();
    await waitFor(() => expect(print).toHaveBeenCalledTimes(1));

    fireEvent.click(screen.getByRole('button', { name: 'Reprint slip' }));
    await waitFor(() => expect(print).toHaveBeenCalledTimes(2));

    fireEvent.click(screen.getByRole('button', { name: 'Regenerate authentication code' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Regenerate code' }));
    expect(await screen.findByText('The slip has changed: print the new one for the customer.')).toBeTruthy();
    const renewed = (await db.tokens.get(token.localId))?.authenticationCode ?? '';
    expect(renewed).not.toBe(token.authenticationCode);
    fireEvent.click(screen.getByRole('button', { name: 'Print the new slip' }));
    await waitFor(() => expect(print).toHaveBeenCalledTimes(3));
    expect(within(screen.getByRole('article', { name: 'Your loyalty access token' })).getByRole('status', { name: 'Issued authentication code' }).textContent).toBe(renewed);
  });
});
