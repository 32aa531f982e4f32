import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TokenDeskDatabase } from '../../renderer/storage/database';
import { press, startApp } from './appHarness';
import { closeTestDb, openTestDb } from './support';

let db: TokenDeskDatabase;
beforeEach(() => {
  db = openTestDb();
});
afterEach(async () => {
  cleanup();
  await closeTestDb(db);
});

const search = () => screen.getByRole('searchbox', { name: 'Search tokens' });
const help = () => screen.findByRole('dialog', { name: 'Help at the counter' });

describe('help (F1)', () => {
  it('opens over the counter with every flow, keeps Tab inside, closes on Esc and gives the focus back', async () => {
    startApp(db);
    await waitFor(() => expect(document.activeElement).toBe(search()));
    expect(press('F1')).toBe(true);
    const dialog = await help();
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(within(dialog).getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent)).toEqual([
      'Scan',
      'Issue a token',
      'Hand out a stock token',
      'Switch a token',
      'Settle Pending',
      'Close the shift',
    ]);
    const close = within(dialog).getByRole('button', { name: 'Close help' });
    expect(document.activeElement).toBe(close);
    expect(document.querySelector('.app')?.hasAttribute('inert')).toBe(true);
    // The only control: Tab and Shift+Tab stay on it; other shortcuts wait until help is closed.
    expect(press('Tab')).toBe(true);
    expect(press('Tab', { shiftKey: true })).toBe(true);
    expect(press('F3')).toBe(false);
    expect(screen.queryByRole('form', { name: 'Issue token' })).toBeNull();
    expect(press('Escape')).toBe(true);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(search());
    expect(document.querySelector('.app')?.hasAttribute('inert')).toBe(false);
  });

  it('opens from the operator menu too, and its button closes it, the focus back on the menu', async () => {
    startApp(db);
    const menu = screen.getByRole('group', { name: 'Operator' });
    fireEvent.click(within(menu).getByText('Maria'));
    fireEvent.click(within(menu).getByRole('button', { name: 'Help' }));
    const dialog = await help();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close help' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(menu.querySelector('summary'));
  });
});
