import { useEffect, useState, type FormEvent } from 'react';
import type { TrainingFaultsPatch, TrainingView } from '../../../shared/ipc/contract';
import { useServices } from '../../context';
import { ActionError, useAction } from '../useAction';
import { useTrainingSwitch } from './useTrainingSwitch';

/** The simulated CRM's faults, so a trainer can show what offline, a lost reply or a conflict looks like. */
function TrainingFaults() {
  const { api } = useServices();
  const [view, setView] = useState<TrainingView | null>(null);
  const [code, setCode] = useState('');
  const action = useAction();
  const { run } = action;
  useEffect(() => {
    void run(async () => setView(await api.getTraining({})));
  }, [api, run]);
  const apply = (patch: TrainingFaultsPatch) => action.run(async () => setView(await api.setTrainingFaults(patch)));
  const changeElsewhere = (event: FormEvent) => {
    event.preventDefault();
    void apply({ changeElsewhere: { authenticationCode: code.trim() } }).then((done) => (done ? setCode('') : undefined));
  };
  const faults = view?.faults;
  return (
    <fieldset className="training-faults">
      <legend>Faults to show (trainer)</legend>
      <label>
        <input type="checkbox" checked={faults?.offline ?? false} disabled={action.busy || !faults} onChange={(e) => void apply({ offline: e.target.checked })} />
        The simulated CRM is offline
      </label>
      <p>
        <button type="button" disabled={action.busy || !faults} onClick={() => void apply({ loseNextReply: true })}>
          Lose the next reply
        </button>{' '}
        <button type="button" disabled={action.busy || !faults} onClick={() => void apply({ failNextCall: true })}>
          Fail the next call
        </button>
      </p>
      <p role="status">{faults ? `Waiting: ${faults.lostReplies} lost ${faults.lostReplies === 1 ? 'reply' : 'replies'}, ${faults.failures} failed ${faults.failures === 1 ? 'call' : 'calls'}.` : null}</p>
      <form aria-label="Change a token at another counter" onSubmit={changeElsewhere}>
        <label>
          Authentication code of a synced token
          <input value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" spellCheck={false} />
        </label>
        <button type="submit" disabled={action.busy || code.trim() === ''}>
          Change its identifier at another counter
        </button>
        <p className="hint">The next change made here to that token&apos;s identifier then meets a conflict.</p>
      </form>
      <ActionError error={action.error} />
    </fieldset>
  );
}

/** Settings' training section: switch training mode (a manager's: main's role gate refuses anyone else). */
export function TrainingSettings() {
  const { training } = useServices();
  const trainingSwitch = useTrainingSwitch();
  return (
    <section aria-labelledby="training-title" className="settings-section">
      <h3 id="training-title">Training mode</h3>
      <p className="hint">
        {training
          ? 'On: this counter works with a simulated CRM and its own training database. Leaving keeps the real work as it was and sends nothing of the training.'
          : 'Practise without touching real work: a simulated CRM with demo customers and stock, and a database of its own. Nothing done in training is ever sent to the real CRM.'}
      </p>
      <button type="button" disabled={trainingSwitch.busy} onClick={() => void trainingSwitch.switchTo(!training)}>
        {training ? 'Leave training mode' : 'Switch training mode on'}
      </button>
      <ActionError error={trainingSwitch.error} />
      {training ? <TrainingFaults /> : null}
    </section>
  );
}
