import { useTranslation } from '../i18n';

/** The technical text behind a plain sentence (CRM codes, socket errors), for whoever supports the counter; closed by default. */
export function Details({ text, className }: { text: string | null; className?: string }) {
  const { t } = useTranslation();
  if (text === null || text === '') return null;
  return (
    <details className={['details-disclosure', className].filter(Boolean).join(' ')}>
      <summary>{t('shell.details')}</summary>
      <p>{text}</p>
    </details>
  );
}
