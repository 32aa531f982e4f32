import { useId, type ReactNode } from 'react';

interface ScreenProps {
  title: string;
  /** Pending, Settings and Token detail use the width of a counter screen. */
  wide?: boolean;
  className?: string;
  /** Beside the heading (say, "Back"). */
  aside?: ReactNode;
  children: ReactNode;
}

/** A screen: a section named by its heading, which takes the focus when the screen opens (tabIndex -1). */
export function Screen({ title, wide = false, className, aside, children }: ScreenProps) {
  const id = useId();
  const classes = ['screen', wide ? 'screen-wide' : null, className ?? null].filter(Boolean).join(' ');
  const heading = (
    <h2 id={id} tabIndex={-1}>
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
