import { useAppStore } from '../context';

const SHOWN = 5;

/** What the start put back in the queue from the journal: the clerk is told, once, and dismisses it. */
export function RestoreNotice() {
  const restoration = useAppStore('sync', (state) => state.restoration);
  const dismiss = useAppStore('sync', (state) => state.dismissRestoration);
  if (!restoration) return null;
  const { restored, problem } = restoration;
  const count = restored.length === 1 ? '1 change' : `${restored.length} changes`;
  const more = restored.length > SHOWN ? ` and ${restored.length - SHOWN} more` : '';
  return (
    <div role="alert" className="banner banner-warning">
      {restored.length > 0 ? (
        <p>
          {`This computer's database had lost ${count} not yet sent to the CRM. ${restored.length === 1 ? 'It was' : 'They were'} put back in the queue from the second copy and will be sent once: `}
          {`${restored.slice(0, SHOWN).join(', ')}${more}.`}
        </p>
      ) : null}
      {problem ? <p>{problem}</p> : null}
      <button type="button" onClick={dismiss}>
        Understood
      </button>
    </div>
  );
}

/** Said for as long as the second copy of unsynced work cannot be written. */
export function JournalWarning() {
  const problem = useAppStore('sync', (state) => state.journalProblem);
  return problem ? <span className="journal-warning">{problem}</span> : null;
}
