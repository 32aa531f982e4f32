import { useTranslation } from '../i18n';
import { useAppStore } from '../context';

/** What the last scan (or code typed on Find) led to, on every screen; empty while scans simply open their token. */
export function ScanNotice() {
  const message = useAppStore('scans', (state) => state.message);
  const waiting = useAppStore('scans', (state) => state.waiting);
  const { t } = useTranslation();
  const queued = waiting > 1 ? t('shell.scans.waiting', { count: waiting - 1 }) : null;
  return (
    <p role="status" className="scan-notice">
      {[message, queued].filter(Boolean).join(' ')}
    </p>
  );
}
