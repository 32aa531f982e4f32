import { useEffect } from 'react';
import { useAppStore, useServices } from '../../context';
import { isManager } from '../../stores/operatorStore';
import { ActionError } from '../useAction';
import { useTrainingSwitch } from './useTrainingSwitch';

/** On first start (no CRM configured yet): a newcomer can practise at once against the simulated CRM. */
export function TrainingOffer() {
  const { training } = useServices();
  const view = useAppStore('settings', (state) => state.view);
  const load = useAppStore('settings', (state) => state.load);
  const trainingSwitch = useTrainingSwitch();
  const manager = useAppStore('operators', isManager);
  useEffect(() => {
    if (view === null) void load();
  }, [view, load]);
  if (training || view === null || view.configured) return null;
  return (
    <aside aria-label="First start" className="first-start-training">
      <p>
        <strong>No CRM set up yet.</strong> Enter the CRM sign-in under Settings, or practise first with a simulated CRM, demo
        customers and stock.
      </p>
      {manager ? (
        <button type="button" disabled={trainingSwitch.busy} onClick={() => void trainingSwitch.switchTo(true)}>
          Practise in training mode
        </button>
      ) : (
        <p className="hint">Training mode is switched on by a manager: ask one to sign in.</p>
      )}
      <ActionError error={trainingSwitch.error} />
    </aside>
  );
}
