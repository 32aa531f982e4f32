import { createEvent, fireEvent, render, screen, within } from '@testing-library/react';
import type { Channel, OperatorsView, OperatorSummary, ReplyOf, RequestOf, SettingsView } from '../../shared/ipc/contract';
import { App } from '../../renderer/App';
import type { TokenDeskDatabase } from '../../renderer/storage/database';
import { createAppServices, type AppServices, type ServiceOptions } from '../../renderer/services';
import { doneResult, fakeSeal, fakeTokenDesk, memoryJournal, type FakeTokenDesk } from './support';

type Handlers = { [C in Channel]?: (request: RequestOf<C>) => ReplyOf<C> | Promise<ReplyOf<C>> };

export const NO_SETTINGS: SettingsView = { crmUrl: '', organisation: '', username: '', unit: '', passwordSet: false, configured: false, pushConcurrency: 4, allowUnencrypted: false, unencrypted: false, waitingMoveFrom: [], damage: null };

export const MARIA: OperatorSummary = { id: 'op-maria', name: 'Maria', role: 'manager', hasBadge: false, lockedUntil: null };
export const NIKOS: OperatorSummary = { id: 'op-nikos', name: 'Nikos', role: 'clerk', hasBadge: true, lockedUntil: null };

/** Main's answer with `operator` signed in at this window (locked or not). */
export const signedInAs = (operator: OperatorSummary, locked = false): OperatorsView => ({ operators: [MARIA, NIKOS], session: { operator, locked }, damage: null });

/** Main with Maria (a manager) signed in at this window. */
export const MANAGER_SIGNED_IN: Handlers = {
  getOperators: () => signedInAs(MARIA),
  lockScreen: () => signedInAs(MARIA, true),
  authorize: () => ({ operator: { id: MARIA.id, name: MARIA.name }, approvedBy: null }),
};

/** A main and CRM that answer every channel, reachable and empty unless a test says otherwise. */
export const ONLINE: Handlers = {
  getSettings: () => NO_SETTINGS,
  sealSecret: fakeSeal,
  pushOperations: ({ operations }) => ({ crm: 'ok', message: null, results: operations.map((op) => doneResult(op)) }),
  refreshTokens: ({ authenticationCodes }) => ({ crm: 'ok', message: null, tokens: [], missing: authenticationCodes }),
  participantTokens: () => ({ crm: 'ok', message: null, participant: null, tokens: [] }),
  ownerTokens: () => ({ crm: 'ok', message: null, tokens: [] }),
  listClassifications: () => ({ crm: 'ok', message: null, classifications: [] }),
  fetchStock: () => ({ crm: 'ok', message: null, tokens: [] }),
  testConnection: () => ({ crm: 'ok', message: null }),
  getCrmDialect: () => ({ dialect: null }),
  // As in the browser shell: main cannot print without a dialog, so the renderer opens it.
  listPrinters: () => ({ silent: false, printers: [] }),
  printSlip: () => ({ via: 'dialog' }),
  ...MANAGER_SIGNED_IN,
};

export interface RunningApp {
  fake: FakeTokenDesk;
  services: AppServices;
}

/** Renders the whole app over `db` with a fake main (the real preload factory, the contract's schemas). */
export function startApp(db: TokenDeskDatabase, handlers: Handlers = {}, options: ServiceOptions = {}): RunningApp {
  const fake = fakeTokenDesk({ ...ONLINE, ...memoryJournal().handlers, ...handlers });
  const merged: Handlers = { ...ONLINE, ...handlers };
  const operators = merged.getOperators?.({}) as OperatorsView | undefined;
  const services = createAppServices(db, fake.api, { autoSync: false, ...(operators ? { operators } : {}), ...options });
  render(<App services={services} />);
  return { fake, services };
}

export const nav = () => within(screen.getByRole('navigation', { name: 'Screens' }));
export const footer = () => within(screen.getByRole('contentinfo', { name: 'Sync status' }));

/** A key pressed where the focus is; true when the app took it (default prevented). */
export function press(key: string, options: { shiftKey?: boolean } = {}): boolean {
  const target = document.activeElement ?? document.body;
  const event = createEvent.keyDown(target, { key, ...options });
  fireEvent(target, event);
  return event.defaultPrevented;
}
