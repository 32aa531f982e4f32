import { useTranslation } from '../../i18n';
import { useEffect, useState } from 'react';
import { describeDialect } from '../../../shared/crm/dialect';
import { useServices } from '../../context';

/** What calibration learned about the configured CRM's answers; read again after each connection test (`version`). */
export function CrmDialectNote({ version }: { version: number }) {
  const { api } = useServices();
  const [lines, setLines] = useState<string[] | null>(null);
  const { t } = useTranslation();
  useEffect(() => {
    let live = true;
    api
      .getCrmDialect({})
      .then((reply) => live && setLines(reply.dialect ? describeDialect(reply.dialect) : null))
      .catch(() => live && setLines(null));
    return () => {
      live = false;
    };
  }, [api, version]);
  if (!lines) return null;
  return (
    <section aria-label={t('settings.crmForm.dialect')} className="dialect-note">
      <h3>{t('settings.crmForm.dialect')}</h3>
      <ul>
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </section>
  );
}
