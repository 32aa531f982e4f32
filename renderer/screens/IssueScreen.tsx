import { useTranslation } from '../i18n';
import { useLiveQuery } from 'dexie-react-hooks';
import { HandOutForm, IssueForm } from '../components/issue/IssueForms';
import { Slip } from '../components/issue/Slip';
import { TOKEN_SAVED, usePrintKey, useSlipPrint } from '../components/issue/useSlipPrint';
import { Kbd } from '../components/Kbd';
import { useAppStore, useServices } from '../context';
import { stockCount } from '../storage/queries';
import type { TokenRow } from '../storage/rows';
import type { IssueMode } from '../stores/issueStore';
import { Screen } from '../components/Screen';

export function IssueScreen() {
  const issued = useAppStore('issue', (state) => state.issued);
  const mode = useAppStore('issue', (state) => state.mode);
  const { t } = useTranslation();
  return (
    <Screen title={issued ? t('issue.issuedTitle') : t('issue.title')} focusesOwnControl>
      {issued ? (
        <SlipView issued={issued} />
      ) : (
        <>
          <ModePicker mode={mode} />
          {mode === 'new' ? <IssueForm /> : <HandOutForm />}
        </>
      )}
    </Screen>
  );
}

function ModePicker({ mode }: { mode: IssueMode }) {
  const { db } = useServices();
  const setMode = useAppStore('issue', (state) => state.setMode);
  const onHand = useLiveQuery(() => stockCount(db), [db]);
  const { t } = useTranslation();
  const choices: ReadonlyArray<readonly [IssueMode, string]> = [
    ['new', t('issue.newToken')],
    ['stock', onHand === undefined ? t('issue.fromStock') : t('issue.fromStockCount', { count: onHand })],
  ];
  return (
    <fieldset className="choices choices-inline">
      <legend>{t('issue.how')}</legend>
      {choices.map(([value, label]) => (
        <label key={value} className="choice">
          <input type="radio" name="issue-mode" checked={mode === value} onChange={() => setMode(value)} />
          {label}
        </label>
      ))}
    </fieldset>
  );
}

/** After a save: the slip, and the ways on: print, next customer, another token, the token itself. */
function SlipView({ issued }: { issued: TokenRow }) {
  const newForm = useAppStore('issue', (state) => state.newForm);
  const unconfirmed = useAppStore('issue', (state) => state.unconfirmed);
  const openToken = useAppStore('ui', (state) => state.openToken);
  const focusFind = useAppStore('ui', (state) => state.focusFind);
  const { t } = useTranslation();
  const slip = useSlipPrint(TOKEN_SAVED);
  usePrintKey(slip.print);
  const nextCustomer = () => {
    newForm();
    focusFind({ clear: true });
  };
  return (
    <>
      <Slip issued={issued} />
      {unconfirmed ? <p className="tone-warn no-print" role="status">{unconfirmed}</p> : null}
      {slip.notice}
      <div className="actions wrap no-print">
        <button type="button" className="primary" autoFocus aria-keyshortcuts="Control+P" onClick={slip.print}>
          {t('print.issued.print')} <Kbd>Ctrl+P</Kbd>
        </button>
        <button type="button" onClick={nextCustomer}>
          {t('print.issued.next')}
        </button>
        <button type="button" onClick={newForm}>
          {t('print.issued.another')}
        </button>
        <button type="button" onClick={() => openToken(issued.localId)}>
          {t('print.issued.open')}
        </button>
      </div>
    </>
  );
}
