import { useTranslation } from '../i18n';

/** A small form's two buttons: its submit (held while it runs) and Cancel. */
export function SubmitOrCancel({ label, busy, onCancel }: { label: string; busy: boolean; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="actions">
      <button type="submit" className="primary" disabled={busy}>
        {label}
      </button>
      <button type="button" onClick={onCancel}>
        {t('shell.cancel')}
      </button>
    </div>
  );
}
