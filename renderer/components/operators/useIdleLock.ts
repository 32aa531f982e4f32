import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { useServices } from '../../context';
import { readScreenLock } from '../../storage/meta';

const ACTIVITY = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;
const MINUTE = 60_000;

/** Locks the screen once nobody has pressed a key, clicked or moved the pointer for the configured minutes. */
export function useIdleLock(): void {
  const { db, now, timer, operators } = useServices();
  const idleMinutes = useLiveQuery(async () => (await readScreenLock(db)).idleMinutes, [db]);
  useEffect(() => {
    if (idleMinutes === undefined) return;
    const idleMs = idleMinutes * MINUTE;
    let last = now();
    let cancel = () => undefined as void;
    // Activity only stamps the time; the one timer checks it when due, so a moving pointer costs nothing.
    const check = () => {
      const idle = now() - last;
      if (idle >= idleMs) void operators.getState().lock();
      else cancel = timer(idleMs - idle, check);
    };
    const touch = () => {
      last = now();
    };
    for (const type of ACTIVITY) window.addEventListener(type, touch, { capture: true, passive: true });
    cancel = timer(idleMs, check);
    return () => {
      cancel();
      for (const type of ACTIVITY) window.removeEventListener(type, touch, { capture: true });
    };
  }, [idleMinutes, now, timer, operators]);
}
