import { appendFile, mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface RotatingLogOptions {
  dir: string;
  /** Default main.log. */
  fileName?: string;
  /** Rotate before the file grows past this (default 1 MiB). */
  maxBytes?: number;
  /** Rotated files kept beside the current one: main.log.1 (newest) … main.log.N (default 5). */
  keep?: number;
}

/**
 * Appends lines to a log file and rotates it by size. Writes are queued in order and never throw:
 * a log that cannot be written must not take the app down with it.
 */
export class RotatingLog {
  readonly dir: string;
  readonly path: string;
  private readonly maxBytes: number;
  private readonly keep: number;
  private queue: Promise<void> = Promise.resolve();
  private size: number | null = null;
  private failures = 0;

  constructor(options: RotatingLogOptions) {
    this.dir = options.dir;
    this.path = join(options.dir, options.fileName ?? 'main.log');
    this.maxBytes = Math.max(1024, options.maxBytes ?? 1024 * 1024);
    this.keep = Math.max(1, options.keep ?? 5);
  }

  /** Every file of this log, newest first. */
  files(): string[] {
    return [this.path, ...Array.from({ length: this.keep }, (_, i) => `${this.path}.${i + 1}`)];
  }

  append(line: string): Promise<void> {
    const text = `${line.replace(/\r?\n/g, ' ⏎ ')}\n`;
    this.queue = this.queue.then(() => this.write(text)).catch(() => {
      this.failures += 1;
    });
    return this.queue;
  }

  /** Resolves once every line appended so far is on disk (or given up). */
  flush(): Promise<void> {
    return this.queue;
  }

  /** How many writes failed (disk full, folder removed): shown in the diagnostics bundle. */
  get failedWrites(): number {
    return this.failures;
  }

  /** The last `count` lines across the current and rotated files, oldest first. */
  async recentLines(count: number): Promise<string[]> {
    await this.flush();
    const lines: string[] = [];
    for (const file of this.files()) {
      if (lines.length >= count) break;
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch {
        continue;
      }
      const fileLines = text.split('\n').filter((l) => l !== '');
      lines.unshift(...fileLines.slice(Math.max(0, fileLines.length - (count - lines.length))));
    }
    return lines;
  }

  private async write(text: string): Promise<void> {
    const bytes = Buffer.byteLength(text);
    if (this.size === null) {
      await mkdir(this.dir, { recursive: true });
      this.size = await sizeOf(this.path);
    }
    if (this.size > 0 && this.size + bytes > this.maxBytes) await this.rotate();
    await appendFile(this.path, text, { mode: 0o600 });
    this.size += bytes;
  }

  private async rotate(): Promise<void> {
    const files = this.files();
    await rm(files[files.length - 1] as string, { force: true });
    for (let i = files.length - 2; i >= 0; i -= 1) {
      await rename(files[i] as string, files[i + 1] as string).catch(() => undefined);
    }
    this.size = 0;
  }
}

async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0;
  }
}
