import { describe, expect, it } from 'vitest';
import { createScanDetector, stripScan, type ScanKey, type ScanStep } from '../../../renderer/scan/scanDetector';
import { usCharacter } from '../../../renderer/scan/usKeys';

const plain = { shiftKey: false, ctrlKey: false, altKey: false, metaKey: false };

/** The physical keys a US-layout scanner presses for `text`. */
function keysFor(text: string): ScanKey[] {
  const keys: ScanKey[] = [];
  for (const ch of text) {
    if (/[A-Z]/.test(ch)) keys.push({ ...plain, code: `Key${ch}`, shiftKey: true });
    else if (/[a-z]/.test(ch)) keys.push({ ...plain, code: `Key${ch.toUpperCase()}` });
    else if (/\d/.test(ch)) keys.push({ ...plain, code: `Digit${ch}` });
    else if (ch === '-') keys.push({ ...plain, code: 'Minus' });
    else throw new Error(`no key for ${ch}`);
  }
  return [...keys, { ...plain, code: 'Enter' }];
}

function run(keys: ScanKey[], gapMs: number, detect = createScanDetector()): ScanStep[] {
  return keys.map((key, i) => detect(key, 1_000 + i * gapMs));
}

describe('scan detector', () => {
  it('decodes a fast burst ending with Enter by physical key', () => {
    const steps = run(keysFor('B2N5m8-Q1'), 5);
    expect(steps[0]).toEqual({ kind: 'start' });
    expect(steps.at(-1)).toEqual({ kind: 'scan', text: 'B2N5m8-Q1' });
  });

  it('takes typing (keys further apart than a scanner sends them) for typing', () => {
    expect(run(keysFor('B2N5M8Q1'), 150).at(-1)).toEqual({ kind: 'other' });
  });

  it('needs a few characters: a short fast burst is not a scan', () => {
    expect(run(keysFor('AB1'), 5).at(-1)).toEqual({ kind: 'other' });
  });

  it('starts again after a pause, so typing before a scan is not part of it', () => {
    const detect = createScanDetector();
    detect({ ...plain, code: 'KeyX' }, 0);
    detect({ ...plain, code: 'KeyY' }, 300);
    const steps = keysFor('CODE1234').map((key, i) => detect(key, 1_000 + i * 5));
    expect(steps[0]).toEqual({ kind: 'start' });
    expect(steps.at(-1)).toEqual({ kind: 'scan', text: 'CODE1234' });
  });

  it('lets shortcuts and keys without a character through and forgets the burst', () => {
    const detect = createScanDetector();
    for (const [i, key] of keysFor('ABCDEF').slice(0, 6).entries()) detect(key, i);
    expect(detect({ ...plain, code: 'KeyV', ctrlKey: true }, 7)).toEqual({ kind: 'other' });
    expect(detect({ ...plain, code: 'Enter' }, 8)).toEqual({ kind: 'other' });
    expect(detect({ ...plain, code: 'ArrowDown' }, 9)).toEqual({ kind: 'other' });
  });

  it('does not count Shift as a break in the burst', () => {
    const detect = createScanDetector();
    const steps = [...'ABCDEF'].flatMap((ch, i) => [
      detect({ ...plain, code: 'ShiftLeft', shiftKey: true }, i * 10),
      detect({ ...plain, code: `Key${ch}`, shiftKey: true }, i * 10 + 2),
    ]);
    expect(steps[0]).toEqual({ kind: 'other' });
    expect(detect({ ...plain, code: 'NumpadEnter' }, 60)).toEqual({ kind: 'scan', text: 'ABCDEF' });
  });

  it('maps the US layout, shifted and not', () => {
    expect([usCharacter('KeyQ', false), usCharacter('KeyQ', true), usCharacter('Digit1', true), usCharacter('Numpad7', false)]).toEqual(['q', 'Q', '!', '7']);
    expect(usCharacter('F2', false)).toBeNull();
  });
});

describe('prefix and suffix', () => {
  it('are taken off when the scanner sends them, and only then', () => {
    expect(stripScan('#B2N5M8Q1$', '#', '$')).toBe('B2N5M8Q1');
    expect(stripScan('B2N5M8Q1', '#', '$')).toBe('B2N5M8Q1');
    expect(stripScan(' B2N5 ', '', '')).toBe('B2N5');
  });
});
