import { describe, expect, it } from 'vitest';
import type { SyncProgress } from '../../shared/ipc/contract';
import { createTokenDeskApi } from '../../shared/ipc/tokenDeskApi';

function apiWithEvents() {
  let deliver: (event: unknown, payload: unknown) => void = () => undefined;
  let listens = 0;
  const api = createTokenDeskApi(
    async () => ({ ok: true, value: {} }),
    (listener) => {
      listens += 1;
      deliver = listener;
    },
  );
  return { api, send: (event: unknown, payload: unknown) => deliver(event, payload), listens: () => listens };
}

const progress: SyncProgress = { running: true, done: 1, total: 3, lastError: null };

describe("the preload factory's events", () => {
  it("hands each of main's events, checked, to that event's listeners only", () => {
    const { api, send, listens } = apiWithEvents();
    const seen: unknown[] = [];
    api.on('syncProgress', (p) => seen.push(['progress', p]));
    api.on('queueChanged', (p) => seen.push(['queue', p]));
    send('syncProgress', progress);
    send('queueChanged', { cause: 'crmSettingsSaved' });
    expect(seen).toEqual([
      ['progress', progress],
      ['queue', { cause: 'crmSettingsSaved' }],
    ]);
    expect(listens()).toBe(1);
  });

  it('drops what breaks the contract: unknown events and malformed payloads reach no listener', () => {
    const { api, send } = apiWithEvents();
    const seen: unknown[] = [];
    api.on('syncProgress', (p) => seen.push(p));
    send('syncProgress', { ...progress, done: -1 });
    send('syncProgress', null);
    send('toString', progress);
    send({ event: 'syncProgress' }, progress);
    expect(seen).toEqual([]);
  });

  it('stops a listener when it unsubscribes, and leaves the others', () => {
    const { api, send } = apiWithEvents();
    const first: unknown[] = [];
    const second: unknown[] = [];
    const stop = api.on('syncProgress', (p) => first.push(p));
    api.on('syncProgress', (p) => second.push(p));
    stop();
    send('syncProgress', progress);
    expect(first).toEqual([]);
    expect(second).toEqual([progress]);
  });
});
