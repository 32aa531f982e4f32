import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { Kbd } from './Kbd';
import { ActionError } from './useAction';

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

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [href], [tabindex]:not([tabindex="-1"])';

/** Tab and Shift+Tab go round the dialog's own controls. */
function trapTab(event: KeyboardEvent, container: HTMLElement): void {
  const focusable = [...container.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const first = focusable[0];
  const last = focusable.at(-1);
  if (!first || !last) return;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}

/**
 * A modal confirmation (role alertdialog): the rest of the app is inert while it is open, Tab stays
 * inside, Esc cancels, and focus returns to what opened it.
 */
export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onCancel, busy = false, error = null, danger = false }: ConfirmDialogProps) {
  const titleId = useId();
  const bodyId = useId();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const app = document.querySelector('.app');
    app?.setAttribute('inert', '');
    ref.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      app?.removeAttribute('inert');
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    } else if (event.key === 'Tab' && ref.current) {
      trapTab(event, ref.current);
    }
  };

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
            Cancel <Kbd>Esc</Kbd>
          </button>
        </div>
      </div>
    </div>,
    document.body,
  );
}
