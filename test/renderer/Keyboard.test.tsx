import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TokenDeskDatabase } from '../../renderer/storage/database';
import { footer, nav, press, startApp, type RunningApp } from './appHarness';
import { closeTestDb, issue, openTestDb } from './support';

let db: TokenDeskDatabase;
beforeEach(() => {
  db = openTestDb();
});
afterEach(async () => {
  cleanup();
  await closeTestDb(db);
});

const search = () => screen.getByRole('searchbox', { name: 'Search tokens' });
const current = () => nav().getAllByRole('button').find((button) => button.getAttribute('aria-current') === 'page')?.textContent;

describe('keyboard shortcuts', () => {
  let app: RunningApp;
  beforeEach(() => {
    app = startApp(db);
  });

  it('F2 Find, F3 Issue, F4 Pending, F6 Stock, F8 Settings; each is shown on its button', async () => {
    expect(nav().getByRole('button', { name: 'Issue' }).getAttribute('aria-keyshortcuts')).toBe('F3');
    expect(nav().getByRole('button', { name: 'Issue' }).textContent).toBe('Issue F3');
    expect(press('F3')).toBe(true);
    expect(current()).toBe('Issue F3');
    // The participant comes first on Issue.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Participant number (optional)')));
    press('F4');
    expect(await screen.findByRole('heading', { name: 'Pending & attention', level: 2 })).toBeTruthy();
    press('F6');
    expect(await screen.findByRole('heading', { name: 'Stock', level: 2 })).toBeTruthy();
    press('F8');
    expect(await screen.findByRole('heading', { name: 'Settings', level: 2 })).toBeTruthy();
    press('F2');
    await waitFor(() => expect(document.activeElement).toBe(search()));
    expect(press('a')).toBe(false);
    expect(screen.getByRole('region', { name: 'Keyboard shortcuts' }).textContent).toContain('F5Sync now');
  });

  it('F5 is "Sync now" (not a reload)', async () => {
    await issue(db);
    expect(await footer().findByText('1 pending')).toBeTruthy();
    expect(press('F5')).toBe(true);
    expect(await footer().findByText('0 pending')).toBeTruthy();
    expect(app.fake.calls.filter((call) => call.channel === 'pushOperations')).toHaveLength(1);
  });

  it('Esc goes back: from a token to where it was opened, from Find it empties the search', async () => {
    const token = await issue(db, { identifier: 'CARD0001' });
    press('F4');
    fireEvent.click(await screen.findByRole('button', { name: token.authenticationCode }));
    expect(await screen.findByRole('heading', { name: 'Token (not yet synced)' })).toBeTruthy();
    press('Escape');
    expect(await screen.findByRole('heading', { name: 'Pending & attention' })).toBeTruthy();
    press('Escape');
    fireEvent.change(search(), { target: { value: 'CARD' } });
    press('Escape');
    expect((search() as HTMLInputElement).value).toBe('');
    expect(document.activeElement).toBe(search());
  });
});

describe('Find: scan and Enter', () => {
  it('Enter opens the token the value names exactly; ↓ moves into the results', async () => {
    await issue(db, { authenticationCode: 'AAAA1111BBBB2222', identifier: 'CARD0001' });
    await issue(db, { authenticationCode: 'CCCC3333DDDD4444', identifier: 'CARD0002' });
    startApp(db);
    fireEvent.change(search(), { target: { value: 'CARD' } });
    const results = await screen.findByRole('list', { name: 'Search results' });
    await waitFor(() => expect(within(results).getAllByRole('button')).toHaveLength(2));
    search().focus();
    press('Enter');
    expect(await screen.findByText(/^No single token is named CARD/)).toBeTruthy();
    press('ArrowDown');
    expect(document.activeElement).toBe(within(results).getAllByRole('button')[0]);
    press('ArrowDown');
    expect(document.activeElement).toBe(within(results).getAllByRole('button')[1]);

    // A key typed while the focus is elsewhere (a scanner) goes to the search.
    press('x');
    expect(document.activeElement).toBe(search());
    fireEvent.change(search(), { target: { value: 'cccc3333dddd4444' } });
    press('Enter');
    expect(await screen.findByRole('heading', { name: 'Token (not yet synced)' })).toBeTruthy();
    expect(screen.getByText('CARD0002', { selector: 'dd' })).toBeTruthy();
  });
});

describe('the Effective switch asks first', () => {
  it('opens an alertdialog that holds the focus; Esc cancels and nothing changes', async () => {
    const token = await issue(db);
    startApp(db);
    fireEvent.change(search(), { target: { value: token.authenticationCode } });
    search().focus();
    press('Enter');
    const toggle = await screen.findByRole('switch', { name: 'Effective' });
    toggle.focus();
    fireEvent.click(toggle);

    const dialog = await screen.findByRole('alertdialog', { name: 'Set this token to Not effective?' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.querySelector('.app')?.hasAttribute('inert')).toBe(true);
    const [confirm, cancel] = within(dialog).getAllByRole('button');
    expect(document.activeElement).toBe(cancel);
    expect(press('Tab')).toBe(true);
    expect(document.activeElement).toBe(confirm);
    expect(press('Tab', { shiftKey: true })).toBe(true);
    expect(document.activeElement).toBe(cancel);
    // Shortcuts wait while the dialog is open.
    press('F3');
    expect(screen.getByRole('alertdialog')).toBeTruthy();

    press('Escape');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.querySelector('.app')?.hasAttribute('inert')).toBe(false);
    expect(document.activeElement).toBe(toggle);
    expect(toggle.getAttribute('aria-checked')).toBe('true');
    expect(await db.outbox.count()).toBe(1);
    expect(screen.getByRole('main').querySelector('h2[tabindex="-1"]')?.textContent).toBe('Token (not yet synced)');
  });
});
