import { useEffect, useState } from 'react';
import { useServices } from '../context';

/** The app clock, re-read every `tickMs` so ages on screen move. */
export function useClock(tickMs: number): number {
  const { now } = useServices();
  const [time, setTime] = useState(now);
  useEffect(() => {
    const timer = setInterval(() => setTime(now()), tickMs);
    return () => clearInterval(timer);
  }, [now, tickMs]);
  return time;
}
