import { usCharacter } from './usKeys';

/** The parts of a keydown the detector reads. */
export interface ScanKey {
  code: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}

export interface ScanTiming {
  /** The longest pause between two keys of one scan; people type slower than this. */
  maxGapMs: number;
  /** The fewest characters a scan has; shorter bursts are someone typing. */
  minLength: number;
}

/** A scanner sends a key every few ms; a quick typist still needs well over this between keys. */
export const SCAN_TIMING: ScanTiming = { maxGapMs: 60, minLength: 6 };

/**
 * What a key did: `start` is the first key of a possible scan (the caller remembers the field's value
 * there), `char` a further key of it, `scan` the Enter ending a scan with the decoded text, `other` a
 * key that is not part of one.
 */
export type ScanStep = { kind: 'start' } | { kind: 'char' } | { kind: 'scan'; text: string } | { kind: 'other' };

const MODIFIERS = new Set(['ShiftLeft', 'ShiftRight', 'CapsLock']);
const ENTERS = new Set(['Enter', 'NumpadEnter']);

/**
 * Tells a scan (a fast burst of keys ending with Enter) from typing, from key events and the time
 * each arrived. Keys are decoded by physical key on a US layout.
 */
export function createScanDetector(timing: ScanTiming = SCAN_TIMING) {
  let buffer = '';
  let lastAt = Number.NEGATIVE_INFINITY;

  const reset = () => {
    buffer = '';
    lastAt = Number.NEGATIVE_INFINITY;
  };

  return (key: ScanKey, at: number): ScanStep => {
    if (key.ctrlKey || key.altKey || key.metaKey) {
      reset();
      return { kind: 'other' };
    }
    if (MODIFIERS.has(key.code)) return buffer === '' ? { kind: 'other' } : { kind: 'char' };
    const quick = at - lastAt <= timing.maxGapMs;
    if (ENTERS.has(key.code)) {
      const text = buffer;
      reset();
      return quick && text.length >= timing.minLength ? { kind: 'scan', text } : { kind: 'other' };
    }
    const char = usCharacter(key.code, key.shiftKey);
    if (char === null) {
      reset();
      return { kind: 'other' };
    }
    const starting = buffer === '' || !quick;
    buffer = starting ? char : buffer + char;
    lastAt = at;
    return starting ? { kind: 'start' } : { kind: 'char' };
  };
}

/** The code inside a scan: the scanner's configured prefix and suffix taken off, blanks trimmed. */
export function stripScan(text: string, prefix: string, suffix: string): string {
  let code = text;
  if (prefix !== '' && code.startsWith(prefix)) code = code.slice(prefix.length);
  if (suffix !== '' && code.endsWith(suffix)) code = code.slice(0, code.length - suffix.length);
  return code.trim();
}
