import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n, PSEUDO } from '../../../renderer/i18n';
import { RecoveryScreen } from '../../../renderer/recovery/RecoveryScreen';
import type { TokenDeskDatabase } from '../../../renderer/storage/database';
import type { Screen } from '../../../renderer/stores/uiStore';
import { WordedError } from '../../../electron/wordedError';
import type { MainWords } from '../../../shared/ipc/mainWords';
import { DEFAULT_DEFINITION } from '../../../shared/token/defaultDefinition';
import { MARIA, NIKOS, signedInAs, startApp } from '../appHarness';
import { applyResults, takeBatch } from '../../../renderer/outbox';
import { closeTestDb, fakeTokenDesk, issue, issueSynced, openTestDb } from '../support';
import { addAudit } from '../../../renderer/storage/audit';
import { auditSamples } from '../auditSamples';

/**
 * Every screen rendered in the pseudo-locale, where each catalog text is wrapped in ⟦…⟧: any visible
 * text, aria-label, title or placeholder that is not wrapped did not go through the catalog. Data is
 * allowed as it is: numbers and dates, key names, codes and identifiers, the fixtures' names.
 */
const FIXTURE_NAMES = new Set([MARIA.name, NIKOS.name, 'English', 'Ελληνικά', 'Ioannou Marios', 'Gold', 'Main', 'counter1', 'Default loyalty card']);
const DATA = [
  /^https?:\/\/\S+$/u, // an example address
  /^[\s\p{P}\p{S}\d]*$/u, // numbers, dates, punctuation
  /^[\d\s/.,:]+\s?(AM|PM)$/u, // a time of day
  /^(F\d{1,2}|Esc|Ctrl\+\w+)$/u, // key names
  /^[A-Z0-9-]{2,}(\s[A-Z0-9]{1,4})*$/u, // codes, identifiers, numbers in groups
];

const isDatum = (text: string): boolean => FIXTURE_NAMES.has(text) || DATA.some((pattern) => pattern.test(text));
/** Data may be shown joined by a dash ("29 — Ioannou Marios"). */
const isData = (text: string): boolean => text.split(' — ').every(isDatum);
const pseudo = (text: string): boolean => text.includes('⟦') || text.includes('⟧');

/** Every text node and named attribute on the page that is neither translated nor data. */
function untranslated(): string[] {
  const found: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.textContent ?? '').trim();
    const parent = node.parentElement?.tagName;
    if (text !== '' && parent !== 'SCRIPT' && parent !== 'STYLE' && !pseudo(text) && !isData(text)) found.push(text);
  }
  for (const element of document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
    for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
      const value = element.getAttribute(name)?.trim();
      if (value && !pseudo(value) && !isData(value)) found.push(`${name}="${value}"`);
    }
  }
  return found;
}

const heading = (name: string) => screen.findByRole('heading', { level: 2, name: `⟦${name}⟧` }, { timeout: 5_000 });

let db: TokenDeskDatabase;

beforeAll(async () => {
  await i18n.changeLanguage(PSEUDO);
});
afterAll(async () => {
  await i18n.changeLanguage('en');
});
beforeEach(() => {
  db = openTestDb();
});
afterEach(async () => {
  cleanup();
  await closeTestDb(db);
});

async function openScreen(screenName: Screen, title: string, settled: () => Promise<unknown>) {
  const { services } = startApp(db);
  await heading('Find a token');
  services.ui.getState().show(screenName);
  await heading(title);
  await settled();
  return services;
}

describe('the pseudo-locale', () => {
  it('keeps the page language in step', () => {
    expect(document.documentElement.lang).toBe(PSEUDO);
  });

  it('translates the first start', async () => {
    startApp(db, { getOperators: () => ({ operators: [], session: null, damage: null }) });
    await heading('Create the first manager');
    expect(untranslated()).toEqual([]);
  });

  it('translates the sign-in of a locked screen', async () => {
    startApp(db, { getOperators: () => signedInAs(MARIA, true) });
    await heading('Screen locked');
    expect(untranslated()).toEqual([]);
  });

  it('translates the clerk’s closed Settings', async () => {
    const { services } = startApp(db, { getOperators: () => signedInAs(NIKOS), authorize: () => ({ operator: { id: NIKOS.id, name: NIKOS.name }, approvedBy: null }) });
    await heading('Find a token');
    // The nav keeps Settings shut to a clerk; a screen opened anyway says why.
    services.ui.getState().show('settings');
    await heading('Settings');
    expect(untranslated()).toEqual([]);
  });

  it('translates Find, with recent tokens', async () => {
    await issue(db, { identifier: 'RECENT01' });
    startApp(db);
    await heading('Find a token');
    await screen.findByText('RECENT01', {}, { timeout: 5_000 });
    expect(untranslated()).toEqual([]);
  });

  it('translates End of shift, its print, a failed print and its Close shift dialog', async () => {
    await openScreen('shift', 'End of shift', () => screen.findByRole('heading', { name: '⟦End-of-shift summary⟧' }));
    expect(untranslated()).toEqual([]);
    const dialog = vi.spyOn(window, 'print').mockImplementation(() => {
      throw new Error('No printer.');
    });
    fireEvent.click(screen.getByRole('button', { name: '⟦Print summary⟧' }));
    expect((await screen.findByRole('alert')).textContent).toContain('No printer.');
    dialog.mockRestore();
    expect(untranslated()).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: '⟦Close shift⟧' }));
    await screen.findByRole('alertdialog');
    expect(untranslated()).toEqual([]);
  });

  it('translates the help panel', async () => {
    startApp(db);
    await heading('Find a token');
    fireEvent.keyDown(window, { key: 'F1' });
    await screen.findByRole('dialog');
    expect(untranslated()).toEqual([]);
  });

  it('translates the recovery screen', async () => {
    const fake = fakeTokenDesk({ journalRead: () => ({ entries: [], problem: null }) });
    render(<RecoveryScreen damage={{ kind: 'unreadable', detail: 'UnknownError: Internal error.' }} api={fake.api} reload={() => undefined} />);
    await screen.findByText(/⟦No change waits/u);
    expect(untranslated().filter((text) => text !== 'UnknownError: Internal error.')).toEqual([]);
  });

  it('translates Issue', async () => {
    await openScreen('issue', 'Issue a token', () => screen.findByRole('form'));
    expect(untranslated()).toEqual([]);
  });

  it('translates the issued slip', async () => {
    await openScreen('issue', 'Issue a token', () => screen.findByRole('form'));
    fireEvent.keyDown(screen.getByRole('form'), { key: 'Enter', ctrlKey: true });
    await screen.findByRole('article', { name: '⟦Your loyalty access token⟧' }, { timeout: 5_000 });
    await heading('Token issued');
    expect(untranslated()).toEqual([]);
  });

  it('translates Pending', async () => {
    const token = await issue(db, { identifier: 'PEND0001' });
    await openScreen('pending', 'Pending & attention', () => screen.findByRole('table', {}, { timeout: 5_000 }));
    expect(screen.getByRole('button', { name: token.authenticationCode })).toBeTruthy();
    expect(untranslated()).toEqual([]);
  });

  it('translates Stock', async () => {
    await openScreen('stock', 'Stock', () => waitFor(() => expect(screen.queryByText('…')).toBeNull()));
    expect(untranslated()).toEqual([]);
  });

  it('translates Settings', async () => {
    await openScreen('settings', 'Settings', () => screen.findByRole('form', { name: '⟦Counter⟧' }, { timeout: 5_000 }));
    expect(untranslated()).toEqual([]);
  });

  it('translates a token', async () => {
    const token = await issueSynced(db);
    const { services } = startApp(db);
    await heading('Find a token');
    services.ui.getState().openToken(token.localId);
    await heading('Token {{number}}'.replace('{{number}}', '1001'));
    await screen.findByRole('table', {}, { timeout: 5_000 });
    expect(untranslated()).toEqual([]);
  });

  it('translates a token’s last error and its history, a row of every kind', async () => {
    const token = await issue(db, { identifier: 'REFUSED2' });
    const [create] = await takeBatch(db, 10, 2_000);
    const reason = 'Rewards participant 99 does not exist.';
    const error = { code: 'CRM-1043', message: reason, words: { code: 'crmRefused', reason } } as const;
    await applyResults(db, [{ seq: create!.seq, outcome: 'parked', error }], 2_500);
    const samples = auditSamples();
    await db.transaction('rw', db.audit, async () => {
      for (const [what] of samples) await addAudit(db, token.localId, { action: what.kind, what, outcome: 'local' }, 3_000);
    });
    const { services } = startApp(db);
    await heading('Find a token');
    services.ui.getState().openToken(token.localId);
    const history = await screen.findByRole('region', { name: '⟦History at this counter⟧' }, { timeout: 5_000 });
    await waitFor(() => expect(within(history).getAllByRole('row').length).toBeGreaterThan(samples.length));
    // The sync line is one text: its last error must be the catalog's sentence, not the stored English.
    expect(screen.getByText(`⟦Needs attention⟧ — ⟦The CRM refused this: ${reason}⟧`, { selector: 'dd' })).toBeTruthy();
    expect(untranslated()).toEqual([]);
  });
});

/** The texts of a refusal or failure: main's words, shared/'s checks, the renderer's own messages. */
describe('the pseudo-locale, where something is refused or fails', () => {
  const change = (label: string, value: string) => fireEvent.change(screen.getByLabelText(`⟦${label}⟧`), { target: { value } });

  async function refusedSignIn(words: MainWords) {
    startApp(db, {
      getOperators: () => signedInAs(MARIA, true),
      signIn: () => {
        throw new WordedError(words, 'main’s English');
      },
    });
    const form = await screen.findByRole('form', { name: '⟦Sign in with a PIN⟧' }, { timeout: 5_000 });
    fireEvent.change(within(form).getByLabelText('⟦PIN⟧'), { target: { value: '0000' } });
    fireEvent.click(within(form).getByRole('button', { name: '⟦Sign in⟧' }));
    return within(form).findByRole('alert');
  }

  it('translates a refused PIN', async () => {
    const alert = await refusedSignIn({ code: 'wrongPin', name: 'Maria', count: 2, minutes: 5 });
    expect(alert.textContent).toMatch(/^⟦Wrong PIN\. 2 more tries before Maria is locked for 5 minutes\.⟧$/u);
    expect(untranslated()).toEqual([]);
  });

  it('translates a locked operator', async () => {
    const alert = await refusedSignIn({ code: 'operatorLocked', name: 'Maria', failures: 5, minutes: 4 });
    expect(alert.textContent).toContain('⟦Maria is locked after 5 wrong PINs');
    expect(untranslated()).toEqual([]);
  });

  it('translates a field check failing on Issue', async () => {
    await openScreen('issue', 'Issue a token', () => screen.findByRole('form'));
    change('Identifier', 'ab');
    change('Pass code', '12');
    fireEvent.click(screen.getByRole('button', { name: '⟦Issue token⟧' }));
    await screen.findByText('⟦Identifier must be at least 4 characters.⟧');
    expect(untranslated()).toEqual([]);
  });

  it('translates a bad settings value', async () => {
    await openScreen('settings', 'Settings', () => screen.findByRole('form', { name: '⟦Settings⟧' }, { timeout: 5_000 }));
    change('CRM URL', 'crm.example.com');
    fireEvent.click(screen.getByRole('button', { name: '⟦Save CRM sign-in⟧' }));
    expect((await screen.findByRole('alert')).textContent).toBe('⟦The CRM URL must start with http:// or https://.⟧');
    expect(untranslated()).toEqual([]);
  });

  it('translates a bad definition import and its problems', async () => {
    await openScreen('settings', 'Settings', () => screen.findByRole('form', { name: '⟦Settings⟧' }, { timeout: 5_000 }));
    const bad = { ...DEFAULT_DEFINITION, name: 7, passCode: { ...DEFAULT_DEFINITION.passCode, maxLength: 2 }, extra: true };
    const input = screen.getByLabelText('⟦Import definition (JSON file)⟧');
    fireEvent.change(input, { target: { files: [new File([JSON.stringify(bad)], 'definition.json', { type: 'application/json' })] } });
    const problems = await screen.findByRole('list', { name: '⟦Problems in the file⟧' }, { timeout: 5_000 });
    expect(within(problems).getAllByRole('listitem').length).toBeGreaterThan(2);
    expect(untranslated()).toEqual([]);
  });

  it('translates the sync line after a failure', async () => {
    await issue(db, { identifier: 'SYNCFAIL' });
    startApp(db, {
      pushOperations: () => {
        throw new Error('main went away');
      },
    });
    await heading('Find a token');
    const footer = within(screen.getByRole('contentinfo', { name: '⟦Sync status⟧' }));
    fireEvent.click(footer.getByRole('button', { name: '⟦Sync now⟧' }));
    await footer.findByText(/⟦Token Desk could not do this: main went away⟧/u, {}, { timeout: 5_000 });
    expect(untranslated()).toEqual([]);
  });

  it('translates a change the CRM refused, its reason shown as the CRM said it', async () => {
    await issue(db, { identifier: 'REFUSED1' });
    const [create] = await takeBatch(db, 10, 2_000);
    const reason = 'Rewards participant 99 does not exist.';
    const error = { code: 'CRM-1043', message: reason, words: { code: 'crmRefused', reason } } as const;
    await applyResults(db, [{ seq: create!.seq, outcome: 'parked', error }], 2_500);
    await openScreen('pending', 'Pending & attention', () => screen.findByText(`⟦The CRM refused this: ${reason}⟧`, {}, { timeout: 5_000 }));
    expect(untranslated()).toEqual([]);
  });

  it('translates a failed Test connection, main’s detail behind Details included', async () => {
    const words = { code: 'crmUnreached', detail: 'connect ECONNREFUSED 127.0.0.1:9' } as const;
    const { services } = startApp(db, { testConnection: () => ({ crm: 'unreachable', message: `Could not ask the CRM: ${words.detail}`, words }) });
    await heading('Find a token');
    services.ui.getState().show('settings');
    await screen.findByRole('form', { name: '⟦Settings⟧' }, { timeout: 5_000 });
    change('CRM URL', 'https://crm.example.com');
    fireEvent.click(screen.getByRole('button', { name: '⟦Test connection⟧' }));
    await screen.findByText(`⟦The CRM could not be reached: ${words.detail}⟧`, {}, { timeout: 5_000 });
    expect(untranslated()).toEqual([]);
  });

  it('translates the CRM dialect note', async () => {
    const answers = { tokenNotFound: { code: 'ACME.NOT_FOUND', httpStatus: 404 }, sessionInvalid: null };
    const dialect = { serverUrl: 'https://crm.example.com', calibratedAt: '2024-01-11T09:01:00.000Z', answers, generatesCodes: true };
    const { services } = startApp(db, { getCrmDialect: () => ({ dialect }) });
    await heading('Find a token');
    services.ui.getState().show('settings');
    const note = await screen.findByRole('region', { name: '⟦How this CRM answers⟧' }, { timeout: 5_000 });
    expect(within(note).getAllByRole('listitem')).toHaveLength(6);
    expect(untranslated()).toEqual([]);
  });
});
