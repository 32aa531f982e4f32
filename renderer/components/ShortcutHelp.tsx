import { useTranslation } from '../i18n';
import { SHORTCUT_HELP } from '../shortcuts';

/** The keyboard shortcuts, where a new operator sees them. */
export function ShortcutHelp() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="shortcut-help" className="shortcut-help">
      <h3 id="shortcut-help">{t('shell.nav.shortcuts')}</h3>
      <dl>
        {SHORTCUT_HELP.map(([key, what]) => (
          <div key={key}>
            <dt>
              <kbd className="kbd">{key}</kbd>
            </dt>
            <dd>{t(`shell.nav.${what}`)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
