import { join } from 'node:path';
import { createMainServices } from '../../electron/app/mainServices';
import { startTrainingSimulator } from '../../electron/training/demoSimulator';
import { FileKeyVault } from '../../electron/vault/fileKeyVault';
import { signInManager } from '../electron/signedIn';
import type { FromMain, ToMain } from './mainProcess';

/**
 * Main's services in a process of their own, as Electron runs main apart from the renderer: asked over
 * the process's IPC channel (structured clone, as Electron's IPC), it answers through the real router.
 */
const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: mainChild.ts <data dir>');
const services = createMainServices({ dataDir, vault: new FileKeyVault(join(dataDir, 'vault.key')), training: { start: startTrainingSimulator } });
const tell = (message: FromMain) => process.send?.(message);

services.events.subscribe((event, payload) => tell({ kind: 'event', event, payload }));
process.on('message', (message: ToMain) => {
  if (message.kind === 'cpu') tell({ kind: 'cpu', id: message.id, usage: process.cpuUsage() });
  else void services.router.handle(message.channel, message.payload).then((envelope) => tell({ kind: 'reply', id: message.id, envelope }));
});
process.on('disconnect', () => void services.dispose().then(() => process.exit(0)));
void signInManager(services.router).then(() => tell({ kind: 'ready' }));
