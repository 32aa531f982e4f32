import { useEffect } from 'react';
import { useServices } from '../context';
import { dialogOpen, runShortcut } from '../shortcuts';

/** The app's keyboard shortcuts, on every screen; a dialog, when open, has the keys to itself. */
export function useShortcuts(): void {
  const services = useServices();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || dialogOpen()) return;
      // F5 would reload the page: here it is "Sync now".
      if (runShortcut(services, event.key)) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [services]);
}
