import { useId, useLayoutEffect, useRef, type ReactNode } from 'react';

interface ScreenProps {
  title: string;
  /** Pending, Settings and Token detail use the width of a counter screen. */
  wide?: boolean;
  className?: string;
  /** Beside the heading (say, "Back"). */
  aside?: ReactNode;
  /** Find and Issue put the focus on their own first control instead of the heading. */
  focusesOwnControl?: boolean;
  children: ReactNode;
}

/**
 * A screen: a section named by its heading, which takes the focus when the screen opens (tabIndex -1),
 * so keyboard and screen reader users start there. It does so as it mounts, before anything on the
 * screen can open a dialog, so it never takes the focus from one.
 */
export function Screen({ title, wide = false, className, aside, focusesOwnControl = false, children }: ScreenProps) {
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // In the commit that mounts it, so nothing can take the focus first and then lose it to the heading.
  useLayoutEffect(() => {
    // A screen opens at its top, not where the last one was scrolled to.
    if (document.scrollingElement) document.scrollingElement.scrollTop = 0;
    if (!focusesOwnControl) headingRef.current?.focus();
  }, [focusesOwnControl]);
  const classes = ['screen', wide ? 'screen-wide' : null, className ?? null].filter(Boolean).join(' ');
  const heading = (
    <h2 id={id} ref={headingRef} tabIndex={-1}>
      {title}
    </h2>
  );
  return (
    <section className={classes} aria-labelledby={id}>
      {aside ? (
        <div className="screen-head">
          {heading}
          {aside}
        </div>
      ) : (
        heading
      )}
      {children}
    </section>
  );
}
