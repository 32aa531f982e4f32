import { useServices } from '../../context';
import { switchTraining } from '../../training/trainingMode';
import { useAction, type Action } from '../useAction';

/** The button action that enters or leaves training mode; the window reopens on the other database. */
export function useTrainingSwitch(): Action & { switchTo: (on: boolean) => Promise<boolean> } {
  const { api, scheduler, reload } = useServices();
  const action = useAction();
  const switchTo = (on: boolean) =>
    action.run(() => switchTraining(on, { api, stopSync: () => scheduler.stop(), reload }));
  return { ...action, switchTo };
}
