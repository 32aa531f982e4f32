import { useEffect, type ComponentType } from 'react';
import { Nav } from './components/Nav';
import { SignInBanner } from './components/SignInBanner';
import { StatusBar } from './components/StatusBar';
import { ServicesContext, useAppStore, useServices } from './context';
import { FindScreen } from './screens/FindScreen';
import { IssueScreen } from './screens/IssueScreen';
import { SettingsScreen } from './screens/SettingsScreen';
import { TokenScreen } from './screens/TokenScreen';
import { startSync, type AppServices } from './services';
import type { Screen } from './stores/uiStore';

const SCREENS: Record<Screen, ComponentType> = {
  find: FindScreen,
  issue: IssueScreen,
  settings: SettingsScreen,
  token: TokenScreen,
};

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
  useEffect(() => startSync(services), [services]);
  const Current = SCREENS[screen];
  return (
    <div className="app">
      <header className="top">
        <p className="brand">Token Desk</p>
        <Nav />
      </header>
      <SignInBanner />
      <main>
        <Current />
      </main>
      <StatusBar />
    </div>
  );
}
