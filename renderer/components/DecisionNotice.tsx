import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { OnDecided } from './RowActions';

/**
 * What the last decision on a stuck change did: its card leaves the list, so the sentence stays here
 * and takes the focus (it would otherwise fall to the page with the button that had it).
 */
export function useDecisionNotice(): { notice: ReactNode; onDecided: OnDecided } {
  const [done, setDone] = useState<{ text: string; at: number } | null>(null);
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (done) ref.current?.focus();
  }, [done]);
  const notice = done ? (
    <p ref={ref} role="status" tabIndex={-1} className="saved decision-notice">
      {done.text}
    </p>
  ) : null;
  return { notice, onDecided: (text) => setDone((last) => ({ text, at: (last?.at ?? 0) + 1 })) };
}
