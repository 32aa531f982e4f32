import { useEffect, useRef } from 'react';
import { useServices } from '../context';
import { DEFAULT_SCANNER_CONFIG, readScannerConfig } from '../storage/meta';
import { dialogOpen } from '../shortcuts';
import { createScanDetector, stripScan } from './scanDetector';
import type { ScanTarget } from './scanQueue';

type TextField = HTMLInputElement | HTMLTextAreaElement;

/** A field's value before a scan's keys landed in it, to put back: no field keeps the scanned text. */
interface FieldBefore {
  field: TextField;
  value: string;
}

function before(element: Element | null): FieldBefore | null {
  if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) return { field: element, value: element.value };
  return null;
}

/** Sets the value as typing would, so React's onChange sees it. */
function putBack({ field, value }: FieldBefore): void {
  if (!field.isConnected || field.value === value) return;
  Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field) as object, 'value')?.set?.call(field, value);
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

/**
 * The one scanner listener for the whole app: a fast burst of keys ending with Enter, on any screen and
 * whichever field has the focus, is a scan. Its keys are taken back out of the field, the Enter does
 * nothing else, and the code joins the scan queue (with a beep unless turned off in Settings).
 */
/**
 * How long the key waited before this handler ran, so a busy page (a re-render per key) cannot split
 * one scan into two. Engines that stamp events with epoch time (jsdom) give no plausible age: 0.
 */
function queuedFor(event: KeyboardEvent): number {
  const age = performance.now() - event.timeStamp;
  return age >= 0 && age < 10_000 ? age : 0;
}

export function useScanner(): void {
  const services = useServices();
  useEffect(() => {
    const detect = createScanDetector();
    let field: FieldBefore | null = null;
    // The scanner settings are read per scan (so a change applies at once), in scan order.
    let reading: Promise<void> = Promise.resolve();
    const take = async (text: string) => {
      const { prefix, suffix, sound } = await readScannerConfig(services.db).catch(() => DEFAULT_SCANNER_CONFIG);
      const code = stripScan(text, prefix, suffix);
      if (code === '') return;
      if (sound) services.beep();
      void services.scans.getState().enqueue(code);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (dialogOpen()) return;
      const step = detect(event, services.now() - queuedFor(event));
      if (step.kind === 'start') field = before(document.activeElement);
      if (step.kind === 'other') field = null;
      if (step.kind !== 'scan') return;
      event.preventDefault();
      event.stopImmediatePropagation();
      if (field) putBack(field);
      field = null;
      const { text } = step;
      reading = reading.then(() => take(text));
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [services]);
}

/** While mounted, scans go to `target` (the latest one given) instead of opening their token. */
export function useScanTarget(target: ScanTarget): void {
  const { scans } = useServices();
  const latest = useRef(target);
  useEffect(() => {
    latest.current = target;
  }, [target]);
  useEffect(() => {
    const route: ScanTarget = (code) => latest.current(code);
    scans.getState().setTarget(route);
    return () => {
      if (scans.getState().target === route) scans.getState().setTarget(null);
    };
  }, [scans]);
}
