import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TokenDeskDatabase } from '../../renderer/storage/database';
import { StatusBar } from '../../renderer/components/StatusBar';
import { ServicesContext } from '../../renderer/context';
import { createAppServices, type AppServices } from '../../renderer/services';
import type { ReachView, StatusInputs, SyncOutcome } from '../../renderer/sync/statusLine';
import { footer, ONLINE } from './appHarness';
import { closeTestDb, fakeTokenDesk, openTestDb } from './support';

let db: TokenDeskDatabase;
let services: AppServices;

beforeEach(async () => {
  db = openTestDb();
  // The bar alone: it reads only the stores, so every combination renders in milliseconds.
  services = createAppServices(db, fakeTokenDesk(ONLINE).api, { autoSync: false });
  render(
    <ServicesContext value={services}>
      <StatusBar />
    </ServicesContext>,
  );
  await footer().findByText('0 pending');
});

afterEach(async () => {
  cleanup();
  setNetwork(true);
  await closeTestDb(db);
});

function setNetwork(up: boolean): void {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => up });
  act(() => {
    window.dispatchEvent(new Event(up ? 'online' : 'offline'));
  });
}

const REACHES: ReachView[] = ['unknown', 'ok', 'unreachable', 'unconfigured', 'loginFailed', 'localError'];
const OUTCOMES: SyncOutcome[] = ['none', 'finished', 'failed'];

type Case = StatusInputs;

function* cases(): Generator<Case> {
  for (const reach of REACHES)
    for (const network of [true, false])
      for (const pending of [0, 1, 3])
        for (const parked of [0, 2])
          for (const conflicts of [0, 1])
            for (const syncing of [false, true]) for (const outcome of OUTCOMES) yield { reach, network, pending, parked, conflicts, syncing, outcome };
}

/** Every way the rendered bar could say two things at once, as messages; empty when it agrees with itself and its inputs. */
function contradictions(text: string, c: Case): string[] {
  const problems: string[] = [];
  const says = (pattern: RegExp) => pattern.test(text);
  const count = (pattern: RegExp) => text.match(pattern)?.length ?? 0;
  if (says(/\bOnline\b/) && says(/offline/i)) problems.push('online and offline at once');
  if (says(/\bOnline\b/) && (!c.network || c.reach !== 'ok')) problems.push('online without reaching the CRM');
  if (says(/up to date/) && (c.pending + c.parked + c.conflicts > 0 || c.syncing || !c.network || c.reach !== 'ok')) {
    problems.push('up to date with work left or no CRM');
  }
  if (count(/\d+ pending/g) !== 1 || !text.includes(`${c.pending} pending`)) problems.push('pending count missing or repeated');
  if (count(/need attention/g) !== (c.parked > 0 ? 1 : 0) || (c.parked > 0 && !text.includes(`${c.parked} need attention`))) {
    problems.push('attention count wrong or repeated');
  }
  if (count(/\d+ conflicts?\b/g) !== (c.conflicts > 0 ? 1 : 0)) problems.push('conflict count wrong or repeated');
  const waiting = /(\d+) changes? (waiting|kept)/.exec(text);
  if (waiting && Number(waiting[1]) !== c.pending) problems.push('the sentence counts other changes than the queue');
  if (c.pending === 0 && says(/changes? (waiting|kept)/)) problems.push('changes waiting with an empty queue');
  if (says(/Nothing waiting/) && c.pending > 0) problems.push('nothing waiting with a queue');
  if (says(/Syncing/) !== c.syncing) problems.push('syncing shown wrongly');
  if (says(/Sign-in|sign-in/) && c.network && c.reach !== 'loginFailed') problems.push('sign-in problem without one');
  if (says(/Error|TypeError|ECONN|\{/)) problems.push('developer words');
  return problems;
}

describe('status bar: every combination of reach, queue and last outcome', () => {
  it('never says two things at once', () => {
    const found: string[] = [];
    let checked = 0;
    const bar = screen.getByRole('contentinfo', { name: 'Sync status' });
    for (const c of cases()) {
      if (navigator.onLine !== c.network) setNetwork(c.network);
      act(() => {
        services.sync.setState({
          crm: c.reach,
          pendingCount: c.pending,
          parkedCount: c.parked,
          conflictCount: c.conflicts,
          oldestPendingAt: c.pending > 0 ? Date.now() : null,
          syncing: c.syncing,
          outcome: c.outcome,
        });
      });
      const text = [...bar.children].map((part) => part.textContent).join(' | ');
      for (const problem of contradictions(text, c)) found.push(`${JSON.stringify(c)}: ${problem} — "${text}"`);
      checked += 1;
    }
    expect(checked).toBe(REACHES.length * 2 * 3 * 2 * 2 * 2 * 3);
    expect(found).toEqual([]);
    // 864 renders: a generous bound for a loaded machine, not a speed check.
  }, 60_000);

  it('follows reach as soon as any CRM call answers, not at the next sync', async () => {
    const reply = await services.api.participantTokens({ participantNumber: '1' });
    expect(reply.crm).toBe('ok');
    expect(await footer().findByText('Online')).toBeTruthy();
  });
});
