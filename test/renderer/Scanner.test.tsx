import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServerToken } from '../../shared/token/serverToken';
import type { TokenDeskDatabase } from '../../renderer/storage/database';
import { applyServerTokens } from '../../renderer/storage/serverCopies';
import { writeScannerConfig } from '../../renderer/storage/meta';
import type { AppServices } from '../../renderer/services';
import { nav, startApp } from './appHarness';
import { closeTestDb, issue, openTestDb, serverToken } from './support';

/** What a Greek layout types for each Latin letter key: the scanner presses KeyA…, the page sees α…. */
const GREEK: Record<string, string> = {
  A: 'α', B: 'β', C: 'ψ', D: 'δ', E: 'ε', F: 'φ', G: 'γ', H: 'η', I: 'ι', J: 'ξ', K: 'κ', L: 'λ', M: 'μ',
  N: 'ν', O: 'ο', P: 'π', Q: ';', R: 'ρ', S: 'σ', T: 'τ', U: 'θ', V: 'ω', W: 'ς', X: 'χ', Y: 'υ', Z: 'ζ',
};

let db: TokenDeskDatabase;
let services: AppServices;
let clock: number;
let beeps: number;

beforeEach(() => {
  db = openTestDb();
  clock = 1_000_000;
  beeps = 0;
});

afterEach(async () => {
  cleanup();
  await closeTestDb(db);
});

function start(handlers: Parameters<typeof startApp>[1] = {}) {
  ({ services } = startApp(db, handlers, { now: () => clock, beep: () => (beeps += 1) }));
}

/** One key as the browser delivers it: keydown to the focused element, then (unless prevented) its character into a field. */
function press(code: string, key: string, shiftKey = false): void {
  const target = document.activeElement ?? document.body;
  const delivered = fireEvent.keyDown(target, { code, key, shiftKey });
  if (delivered && key.length === 1 && (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement)) {
    fireEvent.change(target, { target: { value: target.value + key } });
  }
}

/** Keys for `text` on a Greek layout, `gapMs` apart, then Enter. */
function keys(text: string, gapMs: number): void {
  for (const ch of text) {
    clock += gapMs;
    const upper = ch.toUpperCase();
    if (/\d/.test(ch)) press(`Digit${ch}`, ch);
    else press(`Key${upper}`, ch === upper ? (GREEK[upper] ?? ch).toUpperCase() : (GREEK[upper] ?? ch), ch === upper);
  }
  clock += gapMs;
  act(() => {
    press('Enter', 'Enter');
  });
}

const scan = (text: string) => keys(text, 4);
const typeSlowly = (text: string) => keys(text, 180);

const loose = (n: number): ServerToken =>
  serverToken({ id: `S${n}`.padEnd(32, '0'), number: `70${n}`, authenticationCode: `STOCK${n}ABCDEFGHJ`, identifier: null, participant: null });

describe('scan anywhere', () => {
  it('decodes a scan typed on a Greek layout by physical key, and opens its token from the Token screen', async () => {
    const first = await issue(db, { authenticationCode: 'B2N5M8Q4W4E7R9TY', identifier: 'FIRST001' });
    const second = await issue(db, { authenticationCode: 'K7P3X9Z2V5C8N4MQ', identifier: 'SECOND01' });
    start();
    scan(first.authenticationCode);
    // The first render of the token screen at start-up can take a while on a loaded machine.
    expect(await screen.findByRole('heading', { name: 'Token (not yet synced)' }, { timeout: 5_000 })).toBeTruthy();
    expect(screen.getByText('FIRST001', { selector: 'dd' })).toBeTruthy();
    expect(services.ui.getState().selectedTokenLocalId).toBe(first.localId);

    scan(second.authenticationCode);
    await waitFor(() => expect(services.ui.getState().selectedTokenLocalId).toBe(second.localId));
    expect(await screen.findByText('SECOND01', { selector: 'dd' })).toBeTruthy();
    expect(beeps).toBe(2);
  });

  it('on Issue with the identifier focused: opens the token, and the field keeps only what was typed', async () => {
    const token = await issue(db, { authenticationCode: 'H4J6K8M2N3P5Q7R9' });
    start();
    fireEvent.click(nav().getByRole('button', { name: 'Issue' }));
    const identifier = await screen.findByLabelText('Identifier');
    identifier.focus();
    typeSlowly('ab');
    expect((identifier as HTMLInputElement).value).toBe('αβ');
    scan(token.authenticationCode);
    await waitFor(() => expect(services.ui.getState().selectedTokenLocalId).toBe(token.localId));
    expect(services.issue.getState().fields.identifier).toBe('αβ');
    expect(screen.queryByText(/A pass code is required/)).toBeNull();
  });

  it('typed slowly and ended with Enter, a code is typing: it stays in the field and nothing beeps', async () => {
    await issue(db, { authenticationCode: 'H4J6K8M2N3P5Q7R9' });
    start();
    fireEvent.click(nav().getByRole('button', { name: 'Issue' }));
    const identifier = await screen.findByLabelText('Identifier');
    identifier.focus();
    typeSlowly('CARD77');
    expect((identifier as HTMLInputElement).value).toBe('ΨΑΡΔ77');
    expect(beeps).toBe(0);
    expect(services.ui.getState().screen).toBe('issue');
  });

  it('on "Hand out from stock", a scan picks that card', async () => {
    await applyServerTokens(db, [loose(1), loose(2), loose(3)], 1_000, { stock: true });
    start();
    fireEvent.click(nav().getByRole('button', { name: 'Issue' }));
    fireEvent.click(await screen.findByRole('radio', { name: /Hand out from stock/ }));
    const form = await screen.findByRole('form', { name: 'Hand out from stock' });
    await waitFor(() => expect((within(form).getAllByRole('radio')[0] as HTMLInputElement).checked).toBe(true));
    scan('STOCK3ABCDEFGHJ');
    const third = within(form).getByRole('radio', { name: /^STOCK3ABCDEFGHJ/ });
    await waitFor(() => expect((third as HTMLInputElement).checked).toBe(true));
    expect(await screen.findByText('Picked STOCK3ABCDEFGHJ from the stock.')).toBeTruthy();
    expect(services.ui.getState().screen).toBe('issue');

    scan('H4J6K8M2N3P5Q7R9');
    expect(await screen.findByText(/^H4J6K8M2N3P5Q7R9 is not in this counter’s stock/)).toBeTruthy();
  });

  it('queues scans: a second scan during a slow CRM lookup is not lost', async () => {
    const local = await issue(db, { authenticationCode: 'K7P3X9Z2V5C8N4MQ' });
    let answer: () => void = () => undefined;
    const slow = new Promise<void>((resolve) => {
      answer = resolve;
    });
    start({
      refreshTokens: async ({ authenticationCodes }) => {
        await slow;
        return { crm: 'ok', message: null, tokens: [], missing: authenticationCodes };
      },
    });
    scan('ZZZZ9999YYYY8888');
    expect(await screen.findByText('Not on this counter — asking the CRM for ZZZZ9999YYYY8888…')).toBeTruthy();
    scan(local.authenticationCode);
    expect(await screen.findByText(/1 more scan waiting/)).toBeTruthy();
    expect(services.ui.getState().screen).toBe('find');
    answer();
    await waitFor(() => expect(services.ui.getState().selectedTokenLocalId).toBe(local.localId));
  });

  it('strips the configured prefix and suffix, and stays quiet with the sound off', async () => {
    const token = await issue(db, { authenticationCode: 'H4J6K8M2N3P5Q7R9' });
    await writeScannerConfig(db, { sound: false, prefix: 'X', suffix: 'Z' });
    start();
    scan(`X${token.authenticationCode}Z`);
    await waitFor(() => expect(services.ui.getState().selectedTokenLocalId).toBe(token.localId));
    expect(beeps).toBe(0);
  });

  it('takes its sound, prefix and suffix from Settings, refusing a prefix that is too long in words', async () => {
    const token = await issue(db, { authenticationCode: 'H4J6K8M2N3P5Q7R9' });
    start();
    fireEvent.click(nav().getByRole('button', { name: 'Settings' }));
    const form = await screen.findByRole('form', { name: 'Barcode scanner' });
    fireEvent.change(within(form).getByLabelText('Prefix'), { target: { value: 'TOOLONGPREFIX' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save scanner settings' }));
    expect(await within(form).findByText('The scanner prefix must be at most 8 characters.')).toBeTruthy();
    fireEvent.click(within(form).getByLabelText('Beep after each scan'));
    fireEvent.change(within(form).getByLabelText('Prefix'), { target: { value: 'QQ' } });
    fireEvent.change(within(form).getByLabelText('Suffix'), { target: { value: 'Z' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save scanner settings' }));
    expect(await within(form).findByText('Scanner settings saved')).toBeTruthy();
    (document.activeElement as HTMLElement | null)?.blur();
    scan(`QQ${token.authenticationCode}Z`);
    await waitFor(() => expect(services.ui.getState().selectedTokenLocalId).toBe(token.localId));
    expect(beeps).toBe(0);
  });
});
