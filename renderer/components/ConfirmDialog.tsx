import { useTranslation } from '../i18n';
import { useId, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { Kbd } from './Kbd';
import { ActionError } from './useAction';
import { useModal } from './useModal';

interface ConfirmDialogProps {
  title: string;
  /** What will happen, in a sentence or two. */
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  error?: string | null;
  /** A change that cannot be taken back: red, and Cancel has the focus first. */
  danger?: boolean;
}

/**
 * A modal confirmation (role alertdialog): the rest of the app is inert while it is open, Tab stays
 * inside, Esc cancels, and focus returns to what opened it.
 */
export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onCancel, busy = false, error = null, danger = false }: ConfirmDialogProps) {
  const titleId = useId();
  const bodyId = useId();
  const { ref, onKeyDown } = useModal(onCancel);
  const { t } = useTranslation();

  return createPortal(
    <div className="dialog-backdrop">
      <div ref={ref} role="alertdialog" aria-modal="true" aria-labelledby={titleId} aria-describedby={bodyId} className="dialog" onKeyDown={onKeyDown}>
        <h2 id={titleId}>{title}</h2>
        <div id={bodyId} className="dialog-body">
          {children}
        </div>
        <ActionError error={error} />
        <div className="actions">
          <button type="button" className={danger ? 'danger' : 'primary'} data-autofocus={danger ? undefined : true} disabled={busy} onClick={onConfirm}>
            {confirmLabel}
          </button>
          <button type="button" data-autofocus={danger ? true : undefined} onClick={onCancel}>
            {t('shell.cancel')} <Kbd>Esc</Kbd>
          </button>
        </div>
      </div>
    </div>,
    document.body,
  );
}
