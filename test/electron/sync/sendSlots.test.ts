import { describe, expect, it } from 'vitest';
import { SendSlots } from '../../../electron/sync/sendSlots';

/** Work that runs until the test finishes it. */
function heldWork(log: string[]) {
  const finish = new Map<string, () => void>();
  const work = (name: string) => () =>
    new Promise<string>((resolve) => {
      log.push(name);
      finish.set(name, () => resolve(name));
    });
  return { work, finish: (name: string) => finish.get(name)?.() };
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('send slots', () => {
  it('runs at most the limit at once and gives each freed slot to the next in line at once', async () => {
    const started: string[] = [];
    const held = heldWork(started);
    const slots = new SendSlots(2);
    const runs = ['a', 'b', 'c', 'd'].map((name) => slots.run(held.work(name)));
    await settle();
    expect(started).toEqual(['a', 'b']);

    held.finish('b');
    expect(await runs[1]).toBe('b');
    await settle();
    expect(started).toEqual(['a', 'b', 'c']);

    held.finish('c');
    held.finish('a');
    await Promise.all([runs[0], runs[2]]);
    await settle();
    expect(started).toEqual(['a', 'b', 'c', 'd']);
    held.finish('d');
    expect(await Promise.all(runs)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('takes a new limit at once, and frees a slot whose work failed', async () => {
    const started: string[] = [];
    const held = heldWork(started);
    const slots = new SendSlots(1);
    const failed = slots.run(() => Promise.reject(new Error('no answer')));
    const runs = ['a', 'b', 'c'].map((name) => slots.run(held.work(name)));
    await expect(failed).rejects.toThrow('no answer');
    await settle();
    expect(started).toEqual(['a']);
    slots.setLimit(3);
    await settle();
    expect(started).toEqual(['a', 'b', 'c']);
    for (const name of started) held.finish(name);
    expect(await Promise.all(runs)).toEqual(['a', 'b', 'c']);
  });
});
