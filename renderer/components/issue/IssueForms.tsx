import { useTranslation } from '../../i18n';
import { useLiveQuery } from 'dexie-react-hooks';
import type { FormEvent, KeyboardEvent } from 'react';
import { useAppStore, useServices } from '../../context';
import type { TokenDeskDatabase } from '../../storage/database';
import { findExact, stockOnHand } from '../../storage/queries';
import { IN_STOCK, type TokenRow } from '../../storage/rows';
import { useScanTarget } from '../../scan/useScanner';
import { Kbd } from '../Kbd';
import { ActionError } from '../useAction';
import { ClassificationPicker } from './ClassificationPicker';
import { IdentityFields } from './IdentityFields';
import { ParticipantField } from './ParticipantField';

const STOCK_CHOICES = 20;

/** The first stock tokens on hand, and the picked one (say, scanned) when it is further down. */
async function stockChoices(db: TokenDeskDatabase, pickedId: string | null): Promise<TokenRow[]> {
  const first = await stockOnHand(db, STOCK_CHOICES);
  if (pickedId === null || first.some((token) => token.localId === pickedId)) return first;
  const picked = await db.tokens.get(pickedId);
  return picked?.stock === IN_STOCK ? [picked, ...first] : first;
}

/** Saves; after a refused save the focus goes to the first field in error (else the form's error), where the fix is typed. */
function useSubmit() {
  const submit = useAppStore('issue', (state) => state.submit);
  return async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    if (await submit()) return;
    requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"], .form-error')?.focus());
  };
}

/** Ctrl+Enter saves from any field of the form. */
function submitOnCtrlEnter(event: KeyboardEvent<HTMLFormElement>): void {
  if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
  event.preventDefault();
  event.currentTarget.requestSubmit();
}

function SubmitRow({ label }: { label: string }) {
  const submitting = useAppStore('issue', (state) => state.submitting);
  const formError = useAppStore('issue', (state) => state.formError);
  const { t } = useTranslation();
  return (
    <>
      <ActionError error={formError} />
      {submitting ? (
        <p className="hint" role="status">
          {t('issue.saving')}
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={submitting} aria-keyshortcuts="Control+Enter">
        {label} <Kbd>Ctrl+Enter</Kbd>
      </button>
    </>
  );
}

/** A new token: identifier and pass code by the definition's rules, an optional participant and classification. */
export function IssueForm() {
  const onSubmit = useSubmit();
  const { t } = useTranslation();
  return (
    <form aria-label={t('issue.form')} noValidate onSubmit={(event) => void onSubmit(event)} onKeyDown={submitOnCtrlEnter}>
      <ParticipantField autoFocus />
      <IdentityFields />
      <ClassificationPicker />
      <SubmitRow label={t('issue.submit')} />
    </form>
  );
}

/** A not-associated token from this counter's stock, optionally with an identifier and pass code. */
export function HandOutForm() {
  const { db } = useServices();
  const onSubmit = useSubmit();
  const stockLocalId = useAppStore('issue', (state) => state.stockLocalId);
  const setStockToken = useAppStore('issue', (state) => state.setStockToken);
  const show = useAppStore('ui', (state) => state.show);
  const { t } = useTranslation();
  const stock = useLiveQuery(() => stockChoices(db, stockLocalId), [db, stockLocalId]);
  // Until the operator picks one, the first (the store takes the first on hand too).
  const picked = stock?.some((token) => token.localId === stockLocalId) ? stockLocalId : (stock?.[0]?.localId ?? null);
  useScanTarget(async (code) => {
    const token = await findExact(db, code);
    if (token?.stock !== IN_STOCK) return t('issue.notInStock', { code });
    setStockToken(token.localId);
    return t('issue.picked', { code: token.authenticationCode });
  });

  if (stock === undefined) return <p className="empty">{t('issue.loadingStock')}</p>;
  if (stock.length === 0) {
    return (
      <div className="empty-state">
        <p>{t('issue.noStock')}</p>
        <button type="button" onClick={() => show('stock')}>
          {t('issue.openStock')}
        </button>
      </div>
    );
  }
  return (
    <form aria-label={t('issue.handOutForm')} noValidate onSubmit={(event) => void onSubmit(event)} onKeyDown={submitOnCtrlEnter}>
      <fieldset className="choices">
        <legend>{t('issue.stockToken')}</legend>
        {stock.map((token) => (
          <label key={token.localId} className="choice">
            <input type="radio" name="stock-token" checked={picked === token.localId} onChange={() => setStockToken(token.localId)} />
            <span className="code">{token.authenticationCode}</span>
            <span className="muted">{token.number === null ? '' : t('issue.stockNumber', { number: token.number })}</span>
          </label>
        ))}
      </fieldset>
      <p className="hint">{t('issue.stockNote')}</p>
      <IdentityFields />
      <SubmitRow label={t('issue.handOutSubmit')} />
    </form>
  );
}
