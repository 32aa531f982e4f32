import { useTranslation } from './i18n';
import { useEffect, type ComponentType } from 'react';
import { RestoreNotice } from './components/JournalNotices';
import { HelpPanel } from './components/HelpDialog';
import { Nav } from './components/Nav';
import { OperatorBar } from './components/operators/OperatorBar';
import { useIdleLock } from './components/operators/useIdleLock';
import { ScanNotice } from './components/ScanNotice';
import { SetupCard } from './components/SetupCard';
import { SignInBanner } from './components/SignInBanner';
import { StatusBar } from './components/StatusBar';
import { TrainingBanner } from './components/training/TrainingBanner';
import { TrainingOffer } from './components/training/TrainingOffer';
import { useShortcuts } from './components/useShortcuts';
import { ServicesContext, useAppStore, useServices } from './context';
import { watchCounterIdentity } from './storage/meta';
import { ScreenErrorBoundary } from './components/ScreenErrorBoundary';
import { FindScreen } from './screens/FindScreen';
import { IssueScreen } from './screens/IssueScreen';
import { PendingScreen } from './screens/PendingScreen';
import { FirstManagerScreen, SignInScreen } from './screens/SignInScreen';
import { SettingsScreen } from './screens/SettingsScreen';
import { ShiftScreen } from './screens/ShiftScreen';
import { StockScreen } from './screens/StockScreen';
import { TokenScreen } from './screens/TokenScreen';
import { useScanner } from './scan/useScanner';
import { startSync, type AppServices } from './services';
import type { Screen } from './stores/uiStore';

const SCREENS: Record<Screen, ComponentType> = {
  find: FindScreen,
  issue: IssueScreen,
  pending: PendingScreen,
  stock: StockScreen,
  settings: SettingsScreen,
  token: TokenScreen,
  shift: ShiftScreen,
};

export function App({ services }: { services: AppServices }) {
  return (
    <ServicesContext value={services}>
      <Shell />
    </ServicesContext>
  );
}

/** Sync runs whoever is signed in (or nobody); the counter itself only for a signed-in operator. */
function Shell() {
  const services = useServices();
  const view = useAppStore('operators', (state) => state.view);
  const loadError = useAppStore('operators', (state) => state.loadError);
  const load = useAppStore('operators', (state) => state.load);
  useEffect(() => startSync(services), [services]);
  useEffect(() => watchCounterIdentity(services.db), [services.db]);
  const { t } = useTranslation();
  useEffect(() => {
    if (view === null) void load();
  }, [view, load]);
  if (view === null) {
    return <main className="app">{loadError ? <p role="alert">{loadError}</p> : <p className="empty">{t('shell.opening')}</p>}</main>;
  }
  if (!view.session || view.session.locked) {
    return (
      <div className="app">
        <header className="top">
          <p className="brand">{t('shell.brand')}</p>
        </header>
        <TrainingBanner />
        <main>{view.operators.length === 0 && view.damage === null ? <FirstManagerScreen /> : <SignInScreen view={view} />}</main>
      </div>
    );
  }
  return <Counter />;
}

function Counter() {
  const screen = useAppStore('ui', (state) => state.screen);
  const { t } = useTranslation();
  useIdleLock();
  useShortcuts();
  useScanner();
  const Current = SCREENS[screen];
  return (
    <div className="app">
      <header className="top">
        <p className="brand">{t('shell.brand')}</p>
        <Nav />
        <OperatorBar />
      </header>
      <TrainingBanner />
      <SignInBanner />
      <RestoreNotice />
      <main>
        <TrainingOffer />
        <SetupCard />
        <ScanNotice />
        <ScreenErrorBoundary screen={screen}>
          <Current />
        </ScreenErrorBoundary>
      </main>
      <StatusBar />
      <HelpPanel />
    </div>
  );
}
