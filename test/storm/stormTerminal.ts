import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTokenDeskApi, type TokenDeskApi } from '../../shared/ipc/tokenDeskApi';
import { createMainServices, type MainServices } from '../../electron/app/mainServices';
import { startTrainingSimulator } from '../../electron/training/demoSimulator';
import { FileKeyVault } from '../../electron/vault/fileKeyVault';
import { TokenDeskDatabase } from '../../renderer/storage/database';
import { runSync } from '../../renderer/sync/runSync';
import type { SyncReport } from '../../renderer/sync/types';
import { signInManager } from '../electron/signedIn';

/** The storm's clock: it moves only when the storm moves it, so backoff and leases are reproducible. */
export class StormClock {
  constructor(public time: number) {}

  now(): number {
    return this.time;
  }

  advance(ms: number): void {
    this.time += ms;
  }
}

/**
 * One simulated counter: its own IndexedDB (fake-indexeddb), its own main
 * process (settings, vault, CRM session, upstream), joined by the real IPC
 * router and preload factory. Only React is left out.
 */
export class StormTerminal {
  db: TokenDeskDatabase;
  api!: TokenDeskApi;
  private services!: MainServices;
  private generation = 0;
  /** Lease owners of this terminal's windows that are still running. */
  private liveOwner = '';

  private constructor(
    readonly name: string,
    private readonly dbName: string,
    private readonly dataDir: string,
    private readonly clock: StormClock,
    /** Short during the storm, so the "slow" fault turns into answers lost to a timeout. */
    private crmTimeoutMs: number | undefined,
  ) {
    this.db = new TokenDeskDatabase(dbName);
  }

  static async open(name: string, dbName: string, clock: StormClock, crmUrl: string, crmTimeoutMs: number): Promise<StormTerminal> {
    const dataDir = await mkdtemp(join(tmpdir(), `storm-${name}-`));
    const terminal = new StormTerminal(name, dbName, dataDir, clock, crmTimeoutMs);
    terminal.startMain();
    await signInManager(terminal.services.router);
    await terminal.api.saveSettings({ crmUrl, organisation: 'DEMO', username: 'demo', password: 'demo' });
    return terminal;
  }

  get owner(): string {
    return this.liveOwner;
  }

  sync(force: boolean): Promise<SyncReport> {
    const live = this.liveOwner;
    return runSync(
      { db: this.db, api: this.api, now: () => this.clock.now(), owner: live, liveOwners: async () => (owner) => owner === live },
      { force, config: { stockLevel: 6, refreshCount: 20, refreshAfterMs: 60_000, stockRetryMs: 120_000 } },
    );
  }

  /**
   * A crash between the CRM's answer and the local apply: whatever main
   * answered is thrown away with the engine's memory (main process and window).
   */
  async crash(afterAnswer: () => Promise<unknown>): Promise<void> {
    await afterAnswer();
    await this.services.dispose();
    this.db.close();
    this.db = new TokenDeskDatabase(this.dbName);
    this.startMain();
  }

  /**
   * Main starts again with the product's own CRM timeout: once faults are off, a wall-clock limit
   * far below the machine's scheduling noise would test the machine, not the app.
   */
  async useProductTimeout(): Promise<void> {
    this.crmTimeoutMs = undefined;
    await this.services.dispose();
    this.startMain();
  }

  async close(): Promise<void> {
    await this.services.dispose();
    this.db.close();
  }

  private startMain(): void {
    this.generation += 1;
    this.liveOwner = `${this.name}#${this.generation}`;
    this.services = createMainServices({
      dataDir: this.dataDir,
      vault: new FileKeyVault(join(this.dataDir, 'vault.key')),
      crmTimeoutMs: this.crmTimeoutMs,
      training: { start: startTrainingSimulator },
    });
    const { router, events } = this.services;
    this.api = createTokenDeskApi((channel, payload) => router.handle(channel, payload), (deliver) => events.subscribe(deliver));
  }
}
