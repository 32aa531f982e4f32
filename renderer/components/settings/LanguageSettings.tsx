import { useId } from 'react';
import { chooseLanguage, LANGUAGES, useTranslation, type Language } from '../../i18n';

/** The counter's language: applied at once to every screen and kept for the next start. */
export function LanguageSettings() {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <section aria-labelledby={`${id}-title`} className="settings-section">
      <h3 id={`${id}-title`}>{t('settings.language.title')}</h3>
      <div className="field">
        <label htmlFor={id}>{t('settings.language.label')}</label>
        <select id={id} value={i18n.language} onChange={(event) => void chooseLanguage(event.target.value as Language)}>
          {LANGUAGES.map((language) => (
            <option key={language.code} value={language.code} lang={language.code}>
              {language.name}
            </option>
          ))}
        </select>
        <p className="hint">{t('settings.language.hint')}</p>
      </div>
    </section>
  );
}
