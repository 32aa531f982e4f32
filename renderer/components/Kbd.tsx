/** A shortcut key shown on a control; hidden from its accessible name (aria-keyshortcuts carries it). */
export function Kbd({ children }: { children: string }) {
  return (
    <kbd className="kbd" aria-hidden="true">
      {children}
    </kbd>
  );
}
