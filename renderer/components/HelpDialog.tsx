import { useId } from 'react';
import { createPortal } from 'react-dom';
import { useAppStore } from '../context';
import { helpTopics } from '../helpText';
import { useTranslation } from '../i18n';
import { Kbd } from './Kbd';
import { useModal } from './useModal';

/** The counter's flows in a few steps each (F1); modal, Esc closes it and the focus goes back where it was. */
export function HelpDialog({ onClose }: { onClose: () => void }) {
  const titleId = useId();
  const { ref, onKeyDown } = useModal(onClose);
  const { t } = useTranslation();
  return createPortal(
    <div className="dialog-backdrop">
      <div ref={ref} role="dialog" aria-modal="true" aria-labelledby={titleId} className="dialog help-dialog" onKeyDown={onKeyDown}>
        {/* Close comes first, beside the title: its focus keeps the dialog scrolled to the top. */}
        <div className="screen-head">
          <h2 id={titleId}>{t('help.title')}</h2>
          <button type="button" data-autofocus onClick={onClose}>
            {t('help.close')} <Kbd>Esc</Kbd>
          </button>
        </div>
        <p className="hint">{t('help.intro')}</p>
        <div className="help-topics">
          {helpTopics().map((topic) => (
            <section key={topic.title}>
              <h3>{topic.title}</h3>
              <ol>
                {topic.steps.map((step) => (
                  <li key={step}>{step}</li>
                ))}
              </ol>
            </section>
          ))}
        </div>
      </div>
    </div>,
    document.body,
  );
}

/** The help panel where the app keeps it open or shut (F1 opens it). */
export function HelpPanel() {
  const open = useAppStore('ui', (state) => state.helpOpen);
  const setOpen = useAppStore('ui', (state) => state.setHelpOpen);
  return open ? <HelpDialog onClose={() => setOpen(false)} /> : null;
}
