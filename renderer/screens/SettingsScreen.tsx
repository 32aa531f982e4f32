import { useEffect, useState } from 'react';
import { Slip } from '../components/issue/Slip';
import { CHECK_SETTINGS, useSlipPrint } from '../components/issue/useSlipPrint';
import { AuditExport } from '../components/settings/AuditExport';
import { CounterSettings } from '../components/settings/CounterSettings';
import { CrmSettingsForm } from '../components/settings/CrmSettingsForm';
import { DefinitionSettings } from '../components/settings/DefinitionSettings';
import { ScannerSettings } from '../components/settings/ScannerSettings';
import { PrintSettings, testSlipToken } from '../components/settings/PrintSettings';
import { DiagnosticsExport } from '../components/settings/DiagnosticsExport';
import { LanguageSettings } from '../components/settings/LanguageSettings';
import { useTranslation } from '../i18n';
import { TrainingSettings } from '../components/training/TrainingSettings';
import { useAppStore, useServices } from '../context';
import { Screen } from '../components/Screen';
import { OperatorSettings } from '../components/operators/OperatorSettings';
import { isManager } from '../stores/operatorStore';

/** Settings are a manager's; main refuses their changes to anyone else too. */
export function SettingsScreen() {
  const manager = useAppStore('operators', isManager);
  const { t } = useTranslation();
  if (!manager) {
    return (
      <Screen title={t('settings.title')}>
        <p>{t('settings.managersOnly')}</p>
      </Screen>
    );
  }
  return <ManagerSettings />;
}

function ManagerSettings() {
  const view = useAppStore('settings', (state) => state.view);
  const loading = useAppStore('settings', (state) => state.loading);
  const load = useAppStore('settings', (state) => state.load);
  const { t } = useTranslation();
  useEffect(() => {
    void load();
  }, [load]);
  const { now } = useServices();
  const [testSlip, setTestSlip] = useState<number | null>(null);
  const test = useSlipPrint(CHECK_SETTINGS);
  // The sample slip is shown and laid out first, as a direct child of the screen, so the stylesheet prints it alone.
  const testPrint = () => {
    setTestSlip(now());
    requestAnimationFrame(test.print);
  };
  return (
    <Screen title={t('settings.title')} wide>
      {testSlip === null ? null : <Slip issued={testSlipToken(testSlip)} test />}
      <div className="settings-grid">
        <section aria-labelledby="crm-title" className="settings-section">
          <h3 id="crm-title">{t('settings.crm.title')}</h3>
          <p className="hint">{view?.configured ? t('settings.crm.configured') : t('settings.crm.unconfigured')}</p>
          {/* Re-mount the form whenever the stored settings change so it starts from them. */}
          {loading && !view ? <p className="empty">{t('settings.loading')}</p> : <CrmSettingsForm key={JSON.stringify(view)} view={view} />}
        </section>
        <section aria-labelledby="counter-title" className="settings-section">
          <h3 id="counter-title">{t('settings.counter.title')}</h3>
          <CounterSettings />
        </section>
        <LanguageSettings />
        <PrintSettings testPrint={testPrint} testNotice={test.notice} />
        <ScannerSettings />
        <OperatorSettings />
        <DefinitionSettings />
        <AuditExport />
        <DiagnosticsExport />
        <TrainingSettings />
      </div>
    </Screen>
  );
}
