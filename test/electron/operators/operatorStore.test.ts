import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { OperatorSessions } from '../../../electron/operators/operatorSessions';
import { OperatorStore } from '../../../electron/operators/operatorStore';

const MINUTE = 60_000;

describe('the operator store', () => {
  let path: string;
  let clock: number;
  let slept: number[];
  let store: OperatorStore;

  const open = () => new OperatorStore(path, { now: () => clock, sleep: async (ms) => void slept.push(ms), policy: { maxFailures: 3, lockoutMs: 5 * MINUTE, wrongDelayMs: 800 } });

  beforeEach(async () => {
    path = join(await mkdtemp(join(tmpdir(), 'operators-')), 'operators.json');
    clock = 1_000_000;
    slept = [];
    store = open();
  });

  it('keeps PINs and badges only as salted scrypt hashes', async () => {
    const maria = await store.createFirstManager('Maria', '2468');
    await store.add({ name: 'Nikos', role: 'clerk', pin: '2468', badge: 'BADGE-NIKOS-77' });
    const text = await readFile(path, 'utf8');
    expect(text).not.toContain('2468');
    expect(text).not.toContain('BADGE-NIKOS-77');
    const file = JSON.parse(text) as { operators: Array<{ pin: { salt: string; hash: string; N: number } }> };
    const [first, second] = file.operators;
    expect(first?.pin.N).toBeGreaterThanOrEqual(2 ** 14);
    expect(first?.pin.salt).not.toBe(second?.pin.salt);
    expect(first?.pin.hash).not.toBe(second?.pin.hash);
    // A fresh store reads the same file: the PIN still works, and a wrong one does not.
    expect((await open().checkPin(maria.id, '2468')).name).toBe('Maria');
    await expect(open().checkPin(maria.id, '2469')).rejects.toThrow('Wrong PIN.');
  });

  it('creates the first manager once; after that only managers add operators', async () => {
    expect(await store.createFirstManager('Maria', '2468')).toMatchObject({ name: 'Maria', role: 'manager', hasBadge: false, lockedUntil: null });
    await expect(store.createFirstManager('Eve', '1111')).rejects.toThrow('This counter already has operators');
    await expect(store.add({ name: 'maria', role: 'clerk', pin: '1357' })).rejects.toThrow('There is already an operator called maria');
    expect((await store.list()).operators.map((o) => o.name)).toEqual(['Maria']);
  });

  it('answers a wrong PIN slowly and locks the operator after repeated failures, until the time is up', async () => {
    const maria = await store.createFirstManager('Maria', '2468');
    await expect(store.checkPin(maria.id, '0000')).rejects.toThrow('Wrong PIN. 2 more tries before Maria is locked for 5 minutes.');
    await expect(store.checkPin(maria.id, '0000')).rejects.toMatchObject({ message: expect.stringContaining('1 more try'), words: { code: 'wrongPin', name: 'Maria', count: 1, minutes: 5 } });
    await expect(store.checkPin(maria.id, '0000')).rejects.toMatchObject({
      message: expect.stringContaining('Maria is now locked for 5 minutes'),
      words: { code: 'wrongPinLocked', name: 'Maria', minutes: 5 },
    });
    expect(slept).toEqual([800, 800, 800]);
    await expect(store.checkPin(maria.id, '2468')).rejects.toMatchObject({
      message: expect.stringContaining('Maria is locked after 3 wrong PINs. Try again in 5 minutes'),
      words: { code: 'operatorLocked', name: 'Maria', failures: 3, minutes: 5 },
    });
    // The lockout is in the file: a restart does not lift it.
    await expect(open().checkPin(maria.id, '2468')).rejects.toThrow('is locked');
    expect((await store.list()).operators[0]?.lockedUntil).toBe(1_000_000 + 5 * MINUTE);
    clock += 5 * MINUTE;
    expect((await store.checkPin(maria.id, '2468')).lockedUntil).toBeNull();
    slept = [];
    await store.checkPin(maria.id, '2468');
    expect(slept).toEqual([]);
  });

  it('counts failures afresh after a right PIN, and a reset lifts a lockout', async () => {
    const maria = await store.createFirstManager('Maria', '2468');
    const nikos = await store.add({ name: 'Nikos', role: 'clerk', pin: '1357' });
    await expect(store.checkPin(nikos.id, '0000')).rejects.toThrow('2 more tries');
    await store.checkPin(nikos.id, '1357');
    await expect(store.checkPin(nikos.id, '0000')).rejects.toThrow('2 more tries');
    for (let i = 0; i < 2; i += 1) await expect(store.checkPin(nikos.id, '0000')).rejects.toThrow('Wrong PIN');
    await expect(store.checkPin(nikos.id, '1357')).rejects.toThrow('is locked');
    await store.reset(nikos.id, '9753', undefined);
    await expect(store.checkPin(nikos.id, '1357')).rejects.toThrow('Wrong PIN');
    expect((await store.checkPin(nikos.id, '9753')).name).toBe('Nikos');
    expect((await store.checkPin(maria.id, '2468')).name).toBe('Maria');
  });

  it('signs in by badge; an unknown badge is refused slowly; a badge belongs to one operator', async () => {
    await store.createFirstManager('Maria', '2468');
    const nikos = await store.add({ name: 'Nikos', role: 'clerk', pin: '1357', badge: 'BADGE-NIKOS-77' });
    expect(nikos.hasBadge).toBe(true);
    expect((await store.checkBadge('BADGE-NIKOS-77')).id).toBe(nikos.id);
    await expect(store.checkBadge('BADGE-NOBODY')).rejects.toThrow('This badge belongs to no operator of this counter.');
    expect(slept).toEqual([800]);
    await expect(store.add({ name: 'Eleni', role: 'clerk', pin: '1111', badge: 'BADGE-NIKOS-77' })).rejects.toThrow('already belongs to another operator');
    await store.reset(nikos.id, '1357', null);
    await expect(store.checkBadge('BADGE-NIKOS-77')).rejects.toThrow('belongs to no operator');
  });

  it('never removes the last manager', async () => {
    const maria = await store.createFirstManager('Maria', '2468');
    const nikos = await store.add({ name: 'Nikos', role: 'clerk', pin: '1357' });
    await expect(store.remove(maria.id)).rejects.toThrow('Maria is the only manager and cannot be removed');
    await store.remove(nikos.id);
    expect((await store.list()).operators.map((o) => o.name)).toEqual(['Maria']);
  });

  it('refuses every sign-in while the file is damaged, and leaves the file as it was', async () => {
    await writeFile(path, '{"version":1,"operators":[{"id":');
    expect((await store.list()).damage).toMatch(/operators file .* is damaged, so nobody can sign in/);
    await expect(store.createFirstManager('Eve', '1111')).rejects.toThrow('is damaged');
    await expect(store.checkPin('anyone', '1111')).rejects.toThrow('is damaged');
    expect(await readFile(path, 'utf8')).toBe('{"version":1,"operators":[{"id":');
  });
});

describe('sign-in sessions and the role gate', () => {
  let sessions: OperatorSessions;
  const counter = { window: 'w1' };
  const other = { window: 'w2' };

  beforeEach(async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'sessions-')), 'operators.json');
    sessions = new OperatorSessions(new OperatorStore(path, { sleep: async () => undefined }));
  });

  it('keeps a sign-in per window, locks it, and lets only an unlocked manager do a manager’s task', async () => {
    const first = await sessions.createFirstManager(counter, 'Maria', '2468');
    const maria = first.session?.operator;
    expect(first.session).toMatchObject({ operator: { name: 'Maria', role: 'manager' }, locked: false });
    await sessions.add(counter, { name: 'Nikos', role: 'clerk', pin: '1357' });
    expect(await sessions.refusal(counter, 'saveSettings')).toBeNull();
    expect(await sessions.refusal(other, 'saveSettings')).toMatchObject({ words: { code: 'notSignedIn' }, message: 'Nobody is signed in at this window. Sign in first.' });

    const nikos = (await sessions.view(other)).operators.find((o) => o.name === 'Nikos');
    await sessions.signIn(other, { operatorId: nikos?.id ?? '', pin: '1357' });
    expect(await sessions.refusal(other, 'saveSettings')).toMatchObject({
      words: { code: 'managerOnly', task: 'saveSettings' },
      message: 'Only a manager can change the CRM settings. Ask a manager to sign in, or to approve it.',
    });

    await sessions.lock(counter);
    expect((await sessions.view(counter)).session).toMatchObject({ operator: { name: 'Maria' }, locked: true });
    expect(await sessions.refusal(counter, 'saveSettings')).toMatchObject({ words: { code: 'screenLocked' }, message: 'The screen is locked. Sign in again first.' });
    await sessions.signIn(counter, { operatorId: maria?.id ?? '', pin: '2468' });
    expect(await sessions.refusal(counter, 'saveSettings')).toBeNull();
  });

  it('lets a clerk do a manager’s task only with a manager’s PIN on the spot, and names both', async () => {
    const maria = (await sessions.createFirstManager(counter, 'Maria', '2468')).session?.operator;
    await sessions.add(counter, { name: 'Nikos', role: 'clerk', pin: '1357' });
    await sessions.add(counter, { name: 'Eleni', role: 'clerk', pin: '8642' });
    const { operators } = await sessions.view(counter);
    const id = (name: string) => operators.find((o) => o.name === name)?.id ?? '';
    await sessions.signIn(counter, { operatorId: id('Nikos'), pin: '1357' });

    await expect(sessions.authorize(counter, 'discardChange')).rejects.toMatchObject({
      message: 'Only a manager can discard a refused change. Ask a manager to approve it with their PIN.',
      words: { code: 'needsApproval', action: 'discardChange' },
    });
    await expect(sessions.authorize(counter, 'discardChange', { operatorId: id('Maria'), pin: '0000' })).rejects.toThrow('Wrong PIN');
    await expect(sessions.authorize(counter, 'discardChange', { operatorId: id('Eleni'), pin: '8642' })).rejects.toThrow('Eleni is not a manager');
    expect(await sessions.authorize(counter, 'discardChange', { operatorId: id('Maria'), pin: '2468' })).toEqual({
      operator: { id: id('Nikos'), name: 'Nikos' },
      approvedBy: { id: maria?.id, name: 'Maria' },
    });
    await sessions.signIn(counter, { operatorId: id('Maria'), pin: '2468' });
    expect(await sessions.authorize(counter, 'importDefinition')).toEqual({ operator: { id: id('Maria'), name: 'Maria' }, approvedBy: null });
  });

  it('signs out the windows of a removed operator', async () => {
    await sessions.createFirstManager(counter, 'Maria', '2468');
    await sessions.add(counter, { name: 'Nikos', role: 'clerk', pin: '1357' });
    const nikos = (await sessions.view(counter)).operators.find((o) => o.name === 'Nikos');
    await sessions.signIn(other, { operatorId: nikos?.id ?? '', pin: '1357' });
    await sessions.remove(counter, nikos?.id ?? '');
    expect((await sessions.view(other)).session).toBeNull();
  });
});
