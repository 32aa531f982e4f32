import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { CrmDialect, dialectRecordSchema, settleAnswers, uncalibrated, type DialectRecord } from '../../shared/crm/dialect';
import type { CalibrationAnswers } from './calibration';
import { writeFileAtomic } from '../fs/atomicFile';

const fileSchema = z.record(z.string(), dialectRecordSchema);
type DialectFile = z.infer<typeof fileSchema>;

/** What calibration learned, per server URL, in a JSON file of main's. A damaged file is read as empty: calibration runs again. */
export class DialectStore {
  private cache: Promise<DialectFile> | null = null;
  private writes: Promise<void> = Promise.resolve();

  constructor(
    private readonly path: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async record(serverUrl: string): Promise<DialectRecord> {
    return (await this.load())[serverUrl] ?? uncalibrated(serverUrl);
  }

  /** Merges a calibration's answers over what was known; a question not answered keeps its old answer. */
  async learn(serverUrl: string, answers: CalibrationAnswers): Promise<DialectRecord> {
    const old = await this.record(serverUrl);
    const merged = settleAnswers({ ...old.answers, ...answers });
    return this.put({ ...old, answers: merged, calibratedAt: this.now().toISOString() });
  }

  async markGeneratesCodes(serverUrl: string): Promise<DialectRecord> {
    const old = await this.record(serverUrl);
    return old.generatesCodes ? old : this.put({ ...old, generatesCodes: true });
  }

  private async put(record: DialectRecord): Promise<DialectRecord> {
    const file = { ...(await this.load()), [record.serverUrl]: record };
    this.cache = Promise.resolve(file);
    const write = this.writes.then(() => writeAtomically(this.path, JSON.stringify(file, null, 2)));
    this.writes = write.catch(() => undefined);
    await write;
    return record;
  }

  private load(): Promise<DialectFile> {
    this.cache ??= readFile(this.path, 'utf8').then(
      (text) => {
        try {
          const parsed = fileSchema.safeParse(JSON.parse(text));
          return parsed.success ? parsed.data : {};
        } catch {
          return {};
        }
      },
      () => ({}),
    );
    return this.cache;
  }
}

async function writeAtomically(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFileAtomic(path, text);
}

/** One server's dialect as the client reads it now; replaced as calibration learns more. */
export class LiveDialect {
  private value: CrmDialect;

  constructor(
    private readonly store: DialectStore,
    record: DialectRecord,
  ) {
    this.value = new CrmDialect(record);
  }

  static async open(store: DialectStore, serverUrl: string): Promise<LiveDialect> {
    return new LiveDialect(store, await store.record(serverUrl));
  }

  get current(): CrmDialect {
    return this.value;
  }

  async learn(answers: CalibrationAnswers): Promise<void> {
    this.value = new CrmDialect(await this.store.learn(this.value.record.serverUrl, answers));
  }

  async markGeneratesCodes(): Promise<void> {
    this.value = new CrmDialect(await this.store.markGeneratesCodes(this.value.record.serverUrl));
  }
}
