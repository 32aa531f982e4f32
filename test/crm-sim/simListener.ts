import { createServer, type RequestListener, type Server } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';

export const LOOPBACK = '127.0.0.1';

/**
 * After closing, a moment for clients in this process to see their keep-alive sockets end;
 * without it their next request may reuse the dead socket (reset) instead of being refused.
 */
const SETTLE_MS = 10;

/**
 * An HTTP listener on 127.0.0.1 that can be shut and opened again on the same port.
 * Port 0 picks a free port the first time; that port is kept from then on.
 */
export class Listener {
  private readonly server: Server;
  private boundPort: number;
  private open = false;

  constructor(handler: RequestListener, port: number) {
    this.server = createServer(handler);
    this.boundPort = port;
  }

  get port(): number {
    return this.boundPort;
  }

  get listening(): boolean {
    return this.open;
  }

  get url(): string {
    return `http://${LOOPBACK}:${this.boundPort}`;
  }

  async start(): Promise<void> {
    if (this.open) return;
    await new Promise<void>((resolve, reject) => {
      const onError = (error: Error): void => reject(error);
      this.server.once('error', onError);
      this.server.listen(this.boundPort, LOOPBACK, () => {
        this.server.off('error', onError);
        resolve();
      });
    });
    const address = this.server.address();
    if (address !== null && typeof address === 'object') this.boundPort = address.port;
    this.open = true;
  }

  /** Stops accepting and destroys every open socket (keep-alive ones too), so clients see refused or reset connections. */
  async stop(): Promise<void> {
    if (!this.open) return;
    this.open = false;
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
    await delay(SETTLE_MS);
  }
}
