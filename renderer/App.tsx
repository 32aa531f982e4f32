import { useEffect, type ComponentType } from 'react';
import { Nav } from './components/Nav';
import { ScanNotice } from './components/ScanNotice';
import { SetupCard } from './components/SetupCard';
import { SignInBanner } from './components/SignInBanner';
import { StatusBar } from './components/StatusBar';
import { useShortcuts } from './components/useShortcuts';
import { ServicesContext, useAppStore, useServices } from './context';
import { watchCounterIdentity } from './db/meta';
import { FindScreen } from './screens/FindScreen';
import { IssueScreen } from './screens/IssueScreen';
import { PendingScreen } from './screens/PendingScreen';
import { SettingsScreen } from './screens/SettingsScreen';
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
};

/** Screens whose own first control takes the focus (Find's search, Issue's first field); the others focus their heading. */
const FOCUS_OWN: ReadonlySet<Screen> = new Set(['find', 'issue']);

export function App({ services }: { services: AppServices }) {
  return (
    <ServicesContext value={services}>
      <Shell />
    </ServicesContext>
  );
}

function Shell() {
  const services = useServices();
  const screen = useAppStore('ui', (state) => state.screen);
  const tokenId = useAppStore('ui', (state) => state.selectedTokenLocalId);
  useEffect(() => startSync(services), [services]);
  useEffect(() => watchCounterIdentity(services.db), [services.db]);
  useShortcuts();
  useScanner();
  useEffect(() => {
    if (FOCUS_OWN.has(screen)) return;
    // A screen change moves the focus to the new screen's heading, so keyboard and screen reader users start there.
    // The screen may still be loading its data: look again for a few frames.
    let frame = 0;
    const focusHeading = (tries: number) => {
      const heading = document.querySelector<HTMLElement>('main h2[tabindex="-1"]');
      if (heading) heading.focus();
      else if (tries > 0) frame = requestAnimationFrame(() => focusHeading(tries - 1));
    };
    frame = requestAnimationFrame(() => focusHeading(20));
    return () => cancelAnimationFrame(frame);
  }, [screen, tokenId]);
  const Current = SCREENS[screen];
  return (
    <div className="app">
      <header className="top">
        <p className="brand">Token Desk</p>
        <Nav />
      </header>
      <SignInBanner />
      <main>
        <SetupCard />
        <ScanNotice />
        <Current />
      </main>
      <StatusBar />
    </div>
  );
}
