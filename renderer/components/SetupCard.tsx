import { useTranslation } from '../i18n';
import { useEffect } from 'react';
import { useAppStore } from '../context';
import { isManager } from '../stores/operatorStore';

/** Until a CRM is configured: what to do first, and the way to Settings. */
export function SetupCard() {
  const view = useAppStore('settings', (state) => state.view);
  const load = useAppStore('settings', (state) => state.load);
  const screen = useAppStore('ui', (state) => state.screen);
  const show = useAppStore('ui', (state) => state.show);
  const manager = useAppStore('operators', isManager);
  const { t } = useTranslation();
  useEffect(() => {
    void load();
  }, [load]);
  if (view === null || view.configured || screen === 'settings') return null;
  return (
    <section className="setup-card" aria-labelledby="setup-title">
      <h2 id="setup-title">{t('shell.setup.title')}</h2>
      <p>{t('shell.setup.text')}</p>
      {manager ? (
        <button type="button" className="primary" onClick={() => show('settings')}>
          {t('shell.setup.open')}
        </button>
      ) : (
        <p className="hint">{t('shell.setup.askManager')}</p>
      )}
    </section>
  );
}
