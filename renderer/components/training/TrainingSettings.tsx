import { useTranslation } from '../../i18n';
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
  const { t } = useTranslation();
  const waiting = faults
    ? t('settings.training.waiting', {
        replies: t('settings.training.waitingReplies', { count: faults.lostReplies }),
        calls: t('settings.training.waitingCalls', { count: faults.failures }),
      })
    : null;
  return (
    <fieldset className="training-faults">
      <legend>{t('settings.training.faults')}</legend>
      <label>
        <input type="checkbox" checked={faults?.offline ?? false} disabled={action.busy || !faults} onChange={(e) => void apply({ offline: e.target.checked })} />
        {t('settings.training.offline')}
      </label>
      <p>
        <button type="button" disabled={action.busy || !faults} onClick={() => void apply({ loseNextReply: true })}>
          {t('settings.training.loseReply')}
        </button>{' '}
        <button type="button" disabled={action.busy || !faults} onClick={() => void apply({ failNextCall: true })}>
          {t('settings.training.failCall')}
        </button>
      </p>
      <p role="status">{waiting}</p>
      <form aria-label={t('settings.training.elsewhereForm')} onSubmit={changeElsewhere}>
        <label>
          {t('settings.training.elsewhereCode')}
          <input value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" spellCheck={false} />
        </label>
        <button type="submit" disabled={action.busy || code.trim() === ''}>
          {t('settings.training.elsewhere')}
        </button>
        <p className="hint">{t('settings.training.elsewhereHint')}</p>
      </form>
      <ActionError error={action.error} />
    </fieldset>
  );
}

/** Settings' training section: switch training mode (a manager's: main's role gate refuses anyone else). */
export function TrainingSettings() {
  const { training } = useServices();
  const trainingSwitch = useTrainingSwitch();
  const { t } = useTranslation();
  return (
    <section aria-labelledby="training-title" className="settings-section">
      <h3 id="training-title">{t('settings.training.title')}</h3>
      <p className="hint">{training ? t('settings.training.on') : t('settings.training.off')}</p>
      <button type="button" disabled={trainingSwitch.busy} onClick={() => void trainingSwitch.switchTo(!training)}>
        {training ? t('settings.training.leave') : t('settings.training.start')}
      </button>
      <ActionError error={trainingSwitch.error} />
      {training ? <TrainingFaults /> : null}
    </section>
  );
}
