import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { config as configureZod } from 'zod';
import { App } from './App';
import { getTokenDesk } from './bridge';
import { TokenDeskDatabase } from './storage/database';
import { errorMessage } from './errors';
import { formatNumber, languageLoaded, t, tellMainTheLanguage } from './i18n';
import { reconcileJournal } from './outbox';
import { RecoveryScreen } from './recovery/RecoveryScreen';
import { openLocalDatabase } from './storage/openDatabase';
import { askPersistentStorage, type StorageManagerLike } from './storage/persistence';
import { createAppServices } from './services';
import { windowPresence } from './sync/presence';
import { apiForMode, databaseName } from './training/trainingMode';
import './styles.css';

// The CSP forbids eval: keep zod from probing `new Function` (each probe is reported as a CSP violation).
configureZod({ jitless: true });

/** Where the app renders; without it (a damaged install) the bare page says why. */
function pageRoot(): HTMLElement {
  const container = document.getElementById('root');
  if (container) return container;
  const text = t('shell.noPageRoot');
  document.body.textContent = text;
  throw new Error(text);
}

/** A new version's upgrade rewrites every token before the app can open: say how far it is. */
function UpgradeProgress({ done, total }: { done: number; total: number }) {
  return (
    <main className="app">
      <p className="empty" role="status">
        {t('shell.upgrading', { done: formatNumber(done), total: formatNumber(total) })}
      </p>
      <progress value={done} max={Math.max(total, 1)} aria-label={t('shell.opening')} />
    </main>
  );
}

async function start(root: Root): Promise<void> {
  const bridge = getTokenDesk();
  // Before sign-in: main's own dialogs (the keychain warning first) wait for the counter's language.
  tellMainTheLanguage((request) => bridge.setLanguage(request));
  const [{ on: training }, operators] = await Promise.all([bridge.getTraining({}), bridge.getOperators({})]);
  const db = new TokenDeskDatabase(databaseName(training));
  const api = apiForMode(bridge, training);
  db.upgradeProgress = (done, total) => root.render(<UpgradeProgress done={done} total={total} />);
  const damage = await openLocalDatabase(db);
  if (damage) {
    root.render(<RecoveryScreen damage={damage} api={api} reload={() => window.location.reload()} />);
    return;
  }
  // The queue works without the comparison; the clerk is told it could not be made.
  const restoration = await reconcileJournal(db, api, Date.now()).catch((error: unknown) => ({
    restored: [],
    problem: t('shell.banner.restoreProblem', { reason: errorMessage(error) }),
  }));
  const storage = await askPersistentStorage(navigator.storage as StorageManagerLike | undefined);
  const services = createAppServices(db, api, { training, operators, restoration, storage, sync: { liveOwners: windowPresence(db.connectionId) } });
  root.render(
    <StrictMode>
      <App services={services} />
    </StrictMode>,
  );
}

/** Nothing shows before the counter's language is loaded: a Greek counter never flashes English. */
async function show(): Promise<void> {
  await languageLoaded;
  const root = createRoot(pageRoot());
  await start(root).catch((error: unknown) => {
    root.render(
      <main className="startup-error">
        <h1>{t('shell.cannotStart')}</h1>
        <p role="alert">{errorMessage(error)}</p>
      </main>,
    );
  });
}

void show();
