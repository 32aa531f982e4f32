import { formatTime, t as translate, useTranslation } from '../../i18n';
import { useEffect, useState } from 'react';
import { describeDialect, type DialectLine } from '../../../shared/crm/dialect';
import { useServices } from '../../context';

/** One fact of the note in the clerk's language (the component redraws on a change of language); a calibration time main wrote as ISO is shown in local time. */
function lineText(line: DialectLine): string {
  switch (line.code) {
    case 'calibratedAt': {
      const at = Date.parse(line.at);
      return translate('dialect.calibratedAt', { at: Number.isNaN(at) ? line.at : formatTime(at) });
    }
    case 'notLearned':
    case 'noAnswer':
      return translate(`dialect.${line.code}`, { meaning: translate(`dialect.meaning.${line.meaning}`) });
    case 'answers':
      return translate('dialect.answers', { meaning: translate(`dialect.meaning.${line.meaning}`), crmCode: line.crmCode, httpStatus: line.httpStatus });
    default:
      return translate(`dialect.${line.code}`);
  }
}

/** What calibration learned about the configured CRM's answers; read again after each connection test (`version`). */
export function CrmDialectNote({ version }: { version: number }) {
  const { api } = useServices();
  const [lines, setLines] = useState<DialectLine[] | null>(null);
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
          <li key={JSON.stringify(line)}>{lineText(line)}</li>
        ))}
      </ul>
    </section>
  );
}
