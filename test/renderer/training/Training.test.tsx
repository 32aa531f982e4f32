import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TokenDeskDatabase } from '../../../renderer/storage/database';
import { apiForMode } from '../../../renderer/training/trainingMode';
import { nav, NO_SETTINGS, startApp } from '../appHarness';
import { closeTestDb, fakeTokenDesk, openTestDb } from '../support';

let db: TokenDeskDatabase;
beforeEach(() => {
  db = openTestDb();
});
afterEach(async () => {
  cleanup();
  await closeTestDb(db);
});

async function issueOne(): Promise<HTMLElement> {
  fireEvent.click(nav().getByRole('button', { name: 'Issue' }));
  fireEvent.change(await screen.findByLabelText('Identifier'), { target: { value: 'CARD1234' } });
  fireEvent.change(screen.getByLabelText('Pass code'), { target: { value: '4321' } });
  fireEvent.click(screen.getByRole('button', { name: 'Issue token' }));
  return screen.findByRole('article', { name: 'Your loyalty access token' });
}

const onView = { on: true, faults: { offline: false, lostReplies: 0, failures: 0 } };

describe('training mode in the renderer', { timeout: 20_000 }, () => {
  it('shows the banner on every screen and TRAINING — NOT VALID on the slip', async () => {
    startApp(db, { getTraining: () => onView }, { training: true });
    expect(screen.getByRole('note', { name: 'Training mode' }).textContent).toMatch(/TRAINING MODE/);
    const slip = await issueOne();
    expect(within(slip).getByText('TRAINING — NOT VALID')).toBeTruthy();
    fireEvent.click(nav().getByRole('button', { name: 'Settings' }));
    expect(screen.getByRole('note', { name: 'Training mode' })).toBeTruthy();
    expect(screen.queryByRole('complementary', { name: 'First start' })).toBeNull();
  });

  it('has neither banner nor slip line in real work, and offers training on the first start', async () => {
    startApp(db);
    expect(await screen.findByRole('complementary', { name: 'First start' })).toBeTruthy();
    expect(screen.queryByRole('note', { name: 'Training mode' })).toBeNull();
    const slip = await issueOne();
    expect(within(slip).queryByText('TRAINING — NOT VALID')).toBeNull();
  });

  it('switches in Settings: main first, then the window reopens; a refusal is shown and nothing reloads', async () => {
    const reload = vi.fn();
    let refusal: string | null = 'Only a manager can switch training mode.';
    const { fake } = startApp(
      db,
      {
        setTraining: ({ on }) => {
          if (refusal) throw new Error(refusal);
          return { on, faults: null };
        },
      },
      { reload },
    );
    fireEvent.click(nav().getByRole('button', { name: 'Settings' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Switch training mode on' }));
    expect(await screen.findByText(/Only a manager can switch training mode/)).toBeTruthy();
    expect(reload).not.toHaveBeenCalled();
    refusal = null;
    fireEvent.click(screen.getByRole('button', { name: 'Switch training mode on' }));
    await waitFor(() => expect(reload).toHaveBeenCalledTimes(1));
    expect(fake.calls.filter((call) => call.channel === 'setTraining').map((call) => call.payload)).toEqual([{ on: true }, { on: true }]);
  });

  it('gives the trainer the faults, and says how many are waiting', async () => {
    let faults = { ...onView.faults };
    const { fake } = startApp(
      db,
      {
        getTraining: () => ({ on: true, faults }),
        setTrainingFaults: (patch) => {
          faults = { ...faults, lostReplies: faults.lostReplies + (patch.loseNextReply ? 1 : 0), offline: patch.offline ?? faults.offline };
          return { on: true, faults };
        },
      },
      { training: true },
    );
    fireEvent.click(nav().getByRole('button', { name: 'Settings' }));
    expect(await screen.findByText('Waiting: 0 lost replies, 0 failed calls.')).toBeTruthy();
    const loseNextReply = screen.getByRole('button', { name: 'Lose the next reply' }) as HTMLButtonElement;
    // The count can show before the first read's busy state clears; a disabled button ignores the click.
    await waitFor(() => expect(loseNextReply.disabled).toBe(false));
    fireEvent.click(loseNextReply);
    expect(await screen.findByText('Waiting: 1 lost reply, 0 failed calls.')).toBeTruthy();
    const offline = screen.getByRole('checkbox', { name: 'The simulated CRM is offline' }) as HTMLInputElement;
    await waitFor(() => expect(offline.disabled).toBe(false));
    fireEvent.click(offline);
    await waitFor(() => expect(offline.checked).toBe(true));
    expect(fake.calls.filter((call) => call.channel === 'setTrainingFaults').map((call) => call.payload)).toEqual([{ loseNextReply: true }, { offline: true }]);
  });
});

describe('apiForMode', () => {
  it('tags every push with the window’s mode and passes the rest through', async () => {
    const fake = fakeTokenDesk({ pushOperations: () => ({ crm: 'ok', message: null, results: [] }), getSettings: () => NO_SETTINGS });
    await apiForMode(fake.api, true).pushOperations({ operations: [] });
    await apiForMode(fake.api, false).pushOperations({ operations: [] });
    await apiForMode(fake.api, true).getSettings({});
    expect(fake.calls.map((call) => [call.channel, call.payload])).toEqual([
      ['pushOperations', { operations: [], training: true }],
      ['pushOperations', { operations: [], training: false }],
      ['getSettings', {}],
    ]);
  });
});
