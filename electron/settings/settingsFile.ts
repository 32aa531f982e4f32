import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { SettingsInput, SettingsView } from '../../shared/ipc/contract';
import type { CrmCredentials } from '../crm/crmClient';
import { DEFAULT_CONCURRENCY } from '../sync/upstreamBatch';
import type { Vault } from '../vault/vault';

const storedSettingsSchema = z.object({
  crmUrl: z.string(),
  organisation: z.string(),
  username: z.string(),
  unit: z.string().default(''),
  sealedPassword: z.string().nullable(),
  pushConcurrency: z.number().int().min(1).max(16).default(DEFAULT_CONCURRENCY),
});
type StoredSettings = z.infer<typeof storedSettingsSchema>;

const EMPTY: StoredSettings = {
  crmUrl: '',
  organisation: '',
  username: '',
  unit: '',
  sealedPassword: null,
  pushConcurrency: DEFAULT_CONCURRENCY,
};

export interface CrmConnection {
  serverUrl: string;
  credentials: CrmCredentials;
}

/** The CRM connection settings, in a JSON file of main's; the password only ever sealed. */
export class SettingsFile {
  private current: Promise<StoredSettings> | null = null;

  constructor(
    private readonly path: string,
    private readonly vault: Vault,
  ) {}

  async view(): Promise<SettingsView> {
    const s = await this.load();
    const passwordSet = s.sealedPassword !== null;
    const configured = s.crmUrl !== '' && s.organisation !== '' && s.username !== '' && passwordSet;
    const { crmUrl, organisation, username, unit, pushConcurrency } = s;
    return { crmUrl, organisation, username, unit, passwordSet, configured, pushConcurrency };
  }

  async save(input: SettingsInput): Promise<SettingsView> {
    const previous = await this.load();
    const sealedPassword =
      input.password === undefined ? previous.sealedPassword : input.password === '' ? null : await this.vault.seal(input.password);
    await this.write({
      crmUrl: input.crmUrl,
      organisation: input.organisation,
      username: input.username,
      unit: input.unit ?? previous.unit,
      sealedPassword,
      pushConcurrency: input.pushConcurrency ?? previous.pushConcurrency,
    });
    return this.view();
  }

  async setCrmUrl(crmUrl: string): Promise<void> {
    await this.write({ ...(await this.load()), crmUrl });
  }

  /**
   * The connection these (unsaved) values would make, for a connection test. A blank password uses the
   * stored one only for the stored CRM URL, so a saved password is never sent to another server.
   */
  async connectionFor(input: SettingsInput): Promise<CrmConnection | null> {
    const stored = await this.load();
    const sameServer = input.crmUrl === stored.crmUrl;
    const password = input.password ?? (sameServer && stored.sealedPassword !== null ? await this.vault.unseal(stored.sealedPassword) : '');
    if (input.crmUrl === '' || input.organisation === '' || input.username === '' || password === '') return null;
    const credentials: CrmCredentials = { username: input.username, password, organisation: input.organisation };
    const unit = input.unit ?? stored.unit;
    if (unit !== '') credentials.unit = unit;
    return { serverUrl: input.crmUrl, credentials };
  }

  /** null until URL, organisation, username and password are all set. */
  async connection(): Promise<CrmConnection | null> {
    const s = await this.load();
    if (!(await this.view()).configured || s.sealedPassword === null) return null;
    const password = await this.vault.unseal(s.sealedPassword);
    const credentials: CrmCredentials = { username: s.username, password, organisation: s.organisation };
    if (s.unit !== '') credentials.unit = s.unit;
    return { serverUrl: s.crmUrl, credentials };
  }

  private load(): Promise<StoredSettings> {
    this.current ??= readSettings(this.path);
    return this.current;
  }

  private async write(settings: StoredSettings): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    const temporary = `${this.path}.tmp`;
    await writeFile(temporary, JSON.stringify(settings, null, 2), { mode: 0o600 });
    await rename(temporary, this.path);
    this.current = Promise.resolve(settings);
  }
}

async function readSettings(path: string): Promise<StoredSettings> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return EMPTY;
    throw error;
  }
  let data: unknown = null;
  try {
    data = JSON.parse(text);
  } catch {
    // reported below as a damaged file
  }
  const parsed = storedSettingsSchema.safeParse(data);
  if (!parsed.success) throw new Error(`The settings file ${path} is damaged; fix or delete it.`);
  return parsed.data;
}
