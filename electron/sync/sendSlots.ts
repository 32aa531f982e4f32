/**
 * At most `limit` sends at a time, shared by every push: a slot freed by one push's operation goes at
 * once to the next operation waiting, of the same push or a later one, so concurrency never drains at
 * a push's end. Waiting operations are served in the order they asked.
 */
export class SendSlots {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private limit: number) {}

  /** A new limit (the settings changed), effective for the next free slot. */
  setLimit(limit: number): void {
    this.limit = Math.max(1, limit);
    this.wake();
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await work();
    } finally {
      this.active -= 1;
      this.wake();
    }
  }

  private acquire(): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.wake();
    });
  }

  private wake(): void {
    while (this.active < this.limit && this.waiting.length > 0) {
      this.active += 1;
      this.waiting.shift()?.();
    }
  }
}
