import { useTranslation } from '../i18n';
import { useAppStore } from '../context';

const SHOWN = 5;

/** What the start put back in the queue from the journal: the clerk is told, once, and dismisses it. */
export function RestoreNotice() {
  const restoration = useAppStore('sync', (state) => state.restoration);
  const dismiss = useAppStore('sync', (state) => state.dismissRestoration);
  const { t } = useTranslation();
  if (!restoration) return null;
  const { restored, problem } = restoration;
  const shown = restored.slice(0, SHOWN).join(', ');
  const codes = restored.length > SHOWN ? t('shell.banner.andMore', { list: shown, count: restored.length - SHOWN }) : shown;
  return (
    <div role="alert" className="banner banner-warning">
      {restored.length > 0 ? (
        <p>{t('shell.banner.restored', { count: restored.length, codes })}</p>
      ) : null}
      {problem ? <p>{problem}</p> : null}
      <button type="button" onClick={dismiss}>
        {t('shell.banner.understood')}
      </button>
    </div>
  );
}

/** Said for as long as the second copy of unsynced work cannot be written. */
export function JournalWarning() {
  const problem = useAppStore('sync', (state) => state.journalProblem);
  return problem ? <span className="journal-warning">{problem}</span> : null;
}
