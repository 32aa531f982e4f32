import { useEffect } from 'react';
import { useAppStore } from '../context';
import { isManager } from '../stores/operatorStore';

/** Until a CRM is configured: what to do first, and the way to Settings. */
export function SetupCard() {
  const view = useAppStore('settings', (state) => state.view);
  const load = useAppStore('settings', (state) => state.load);
  const screen = useAppStore('ui', (state) => state.screen);
  const show = useAppStore('ui', (state) => state.show);
  const manager = useAppStore('operators', isManager);
  useEffect(() => {
    void load();
  }, [load]);
  if (view === null || view.configured || screen === 'settings') return null;
  return (
    <section className="setup-card" aria-labelledby="setup-title">
      <h2 id="setup-title">Set up this counter</h2>
      <p>No CRM is configured yet. The counter works offline and keeps every change until one is set up.</p>
      {manager ? (
        <button type="button" className="primary" onClick={() => show('settings')}>
          Open Settings to connect a CRM
        </button>
      ) : (
        <p className="hint">Connecting a CRM is for a manager: ask one to sign in and open Settings.</p>
      )}
    </section>
  );
}
