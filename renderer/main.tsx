import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { config as configureZod } from 'zod';
import { App } from './App';
import { getTokenDesk } from './bridge';
import { TokenDeskDatabase } from './storage/database';
import { errorMessage } from './errors';
import { createAppServices } from './services';
import { windowPresence } from './sync/presence';
import { apiForMode, databaseName } from './training/trainingMode';
import './styles.css';

// The CSP forbids eval: keep zod from probing `new Function` (each probe is reported as a CSP violation).
configureZod({ jitless: true });

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element.');
const root = createRoot(container);

async function start(): Promise<void> {
  const bridge = getTokenDesk();
  const [{ on: training }, operators] = await Promise.all([bridge.getTraining({}), bridge.getOperators({})]);
  const db = new TokenDeskDatabase(databaseName(training));
  const services = createAppServices(db, apiForMode(bridge, training), { training, operators, sync: { liveOwners: windowPresence(db.connectionId) } });
  root.render(
    <StrictMode>
      <App services={services} />
    </StrictMode>,
  );
}

start().catch((error: unknown) => {
  root.render(
    <main className="startup-error">
      <h1>Token Desk cannot start</h1>
      <p role="alert">{errorMessage(error)}</p>
    </main>,
  );
});
