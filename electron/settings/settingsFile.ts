import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { crmOrigin, isUnencryptedCrm } from '../../shared/crm/crmOrigin';
import type { SettingsInput, SettingsView } from '../../shared/ipc/contract';
import type { CrmCredentials } from '../crm/crmClient';
import { writeFileAtomic } from '../fs/atomicFile';
import { DEFAULT_CONCURRENCY } from '../sync/upstreamBatch';
import type { BoundSecrets } from '../vault/boundSecrets';
import { SecretHeldError } from '../vault/vault';
import type { MainWords } from '../../shared/ipc/mainWords';
import { WordedError } from '../wordedError';

const origins = z.array(z.string().max(2100)).max(50).default([]);

const storedSettingsSchema = z.object({
  /** 2: secrets are bound to their CRM origin. Absent in files written before. */
  version: z.literal(2).optional(),
  crmUrl: z.string(),
  organisation: z.string(),
  username: z.string(),
  unit: z.string().default(''),
  sealedPassword: z.string().nullable(),
  pushConcurrency: z.number().int().min(1).max(16).default(DEFAULT_CONCURRENCY),
  allowUnencrypted: z.boolean().default(false),
  /** Origins the CRM URL moved away from: pass codes entered for them wait until the move is confirmed. */
  movedFrom: origins,
  /** Origins whose pass codes the operator let go to the current CRM. */
  acceptedOrigins: origins,
  /**
   * Where pass codes sealed without an origin belong (sealed before secrets were bound, or while no CRM
   * was configured): the CRM configured when this version first ran, or the first one configured since.
   */
  unboundOrigin: z.string().nullable().default(null),
});
type StoredSettings = z.infer<typeof storedSettingsSchema>;

const EMPTY: StoredSettings = {
  version: 2,
  crmUrl: '',
  organisation: '',
  username: '',
  unit: '',
  sealedPassword: null,
  pushConcurrency: DEFAULT_CONCURRENCY,
  allowUnencrypted: false,
  movedFrom: [],
  acceptedOrigins: [],
  unboundOrigin: null,
};

/** The settings, and why the file could not be used (then the settings are the empty ones). */
interface Loaded {
  settings: StoredSettings;
  damage: string | null;
}

export interface CrmConnection {
  serverUrl: string;
  origin: string;
  credentials: CrmCredentials;
}

/** A change of CRM origin: the stored password is dropped, and a manager may have to approve it. */
export interface OriginChange {
  from: string;
  to: string;
}
/** Throws (with words for the operator) to refuse the change. Operators wire a manager's approval in here. */
export type ApproveOriginChange = (change: OriginChange) => Promise<void>;

/** Something about this counter's own settings stops it from reaching the CRM (not the CRM's fault). */
export class SettingsError extends WordedError {
  constructor(words: MainWords, message: string) {
    super(words, message);
    this.name = 'SettingsError';
  }
}

const unique = (values: string[]) => [...new Set(values)];

/**
 * The CRM connection settings, in a JSON file of main's; the password only ever sealed, bound to the
 * CRM origin it was typed for. Queued pass codes are bound the same way, and are opened for a
 * different origin only after the operator confirmed the move.
 */
export class SettingsFile {
  private current: Promise<Loaded> | null = null;

  constructor(
    private readonly path: string,
    private readonly secrets: BoundSecrets,
    private readonly approveOriginChange: ApproveOriginChange = async () => undefined,
  ) {}

  async view(): Promise<SettingsView> {
    const { settings: s, damage } = await this.load();
    const passwordSet = s.sealedPassword !== null;
    const configured = s.crmUrl !== '' && s.organisation !== '' && s.username !== '' && passwordSet;
    const { crmUrl, organisation, username, unit, pushConcurrency, allowUnencrypted } = s;
    return {
      crmUrl,
      organisation,
      username,
      unit,
      passwordSet,
      configured,
      pushConcurrency,
      allowUnencrypted,
      unencrypted: isUnencryptedCrm(crmUrl),
      waitingMoveFrom: s.movedFrom,
      damage,
    };
  }

  /** A damaged file is replaced by what the operator saves: the damage was explained when Settings opened. */
  async save(input: SettingsInput): Promise<SettingsView> {
    const { settings: previous } = await this.load();
    const allowUnencrypted = input.allowUnencrypted ?? previous.allowUnencrypted;
    if (isUnencryptedCrm(input.crmUrl) && !allowUnencrypted) {
      throw new SettingsError(
        { code: 'plainHttpRefused' },
        'The CRM URL must start with https:// (plain http:// is only for this computer). To use an unencrypted CRM anyway, tick "Allow an unencrypted CRM".',
      );
    }
    const moved = await this.moveTo(previous, input.crmUrl);
    const origin = crmOrigin(input.crmUrl);
    const keptPassword = moved === previous ? previous.sealedPassword : null;
    const sealedPassword =
      input.password === undefined ? keptPassword : input.password === '' ? null : await this.secrets.seal(input.password, 'password', origin);
    await this.write({
      ...moved,
      organisation: input.organisation,
      username: input.username,
      unit: input.unit ?? previous.unit,
      sealedPassword,
      pushConcurrency: input.pushConcurrency ?? previous.pushConcurrency,
      allowUnencrypted,
    });
    return this.view();
  }

  /** The browser shell's --crm-url: the same rules as Settings (a new origin drops the password). */
  async setCrmUrl(crmUrl: string): Promise<void> {
    const { settings } = await this.load();
    const moved = await this.moveTo(settings, crmUrl);
    await this.write(moved === settings ? { ...settings, crmUrl } : { ...moved, sealedPassword: null });
  }

  /**
   * The connection these (unsaved) values would make, for a connection test. A blank password uses the
   * saved one only when these values keep the origin it was typed for, so it never goes to another server.
   */
  async connectionFor(input: SettingsInput): Promise<CrmConnection | null> {
    const { settings: stored } = await this.load();
    if (isUnencryptedCrm(input.crmUrl) && !(input.allowUnencrypted ?? stored.allowUnencrypted)) {
      throw new SettingsError({ code: 'plainHttpHeld' }, 'The CRM URL uses plain http://; use https://, or allow an unencrypted CRM in Settings.');
    }
    const origin = crmOrigin(input.crmUrl);
    const password = input.password ?? (await this.savedPasswordFor(stored, origin));
    if (input.crmUrl === '' || input.organisation === '' || input.username === '' || password === '') return null;
    const credentials: CrmCredentials = { username: input.username, password, organisation: input.organisation };
    const unit = input.unit ?? stored.unit;
    if (unit !== '') credentials.unit = unit;
    return { serverUrl: input.crmUrl, origin, credentials };
  }

  /** The operator confirms that pass codes queued for the CRM's earlier origins may go to the current one. */
  async confirmMove(): Promise<SettingsView> {
    const { settings } = await this.load();
    await this.write({ ...settings, acceptedOrigins: unique([...settings.acceptedOrigins, ...settings.movedFrom]), movedFrom: [] });
    return this.view();
  }

  /** null until URL, organisation, username and a password typed for this origin are all set. */
  async connection(): Promise<CrmConnection | null> {
    const s = await this.usable();
    if (!(await this.view()).configured || s.sealedPassword === null) return null;
    const origin = crmOrigin(s.crmUrl);
    const password = await this.secrets.open(s.sealedPassword, 'password');
    // Before secrets were bound, the password was stored next to its URL; every origin change since drops it.
    if (password.origin !== null && password.origin !== origin) return null;
    const credentials: CrmCredentials = { username: s.username, password: password.value, organisation: s.organisation };
    if (s.unit !== '') credentials.unit = s.unit;
    return { serverUrl: s.crmUrl, origin, credentials };
  }

  /** The saved password, only for the origin it was typed for (and the saved CRM's); '' otherwise. */
  private async savedPasswordFor(stored: StoredSettings, origin: string): Promise<string> {
    if (stored.sealedPassword === null || origin === '' || origin !== crmOrigin(stored.crmUrl)) return '';
    const password = await this.secrets.open(stored.sealedPassword, 'password');
    return password.origin === null || password.origin === origin ? password.value : '';
  }

  /** A pass code for the renderer's queue, bound to the CRM configured now. */
  async sealPassCode(passCode: string): Promise<string> {
    const { settings } = await this.load();
    return this.secrets.seal(passCode, 'passCode', crmOrigin(settings.crmUrl));
  }

  /** A queued pass code, opened only to be sent to `origin`: the one it was entered for, or one the operator moved it to. */
  async openPassCode(sealed: string, origin: string): Promise<string> {
    const { settings } = await this.load();
    const opened = await this.secrets.open(sealed, 'passCode');
    const from = opened.origin || (settings.unboundOrigin ?? '');
    if (from === origin || settings.acceptedOrigins.includes(from)) return opened.value;
    throw new SecretHeldError(
      { code: 'passCodeHeld', from, to: origin },
      `This pass code was entered for ${from || 'no CRM'}, and the CRM is now ${origin}. It waits until you confirm the move in Settings.`,
    );
  }

  /** The settings with the origin moved to `crmUrl`'s, after approval; the same object when the origin stays. */
  private async moveTo(previous: StoredSettings, crmUrl: string): Promise<StoredSettings> {
    const from = crmOrigin(previous.crmUrl);
    const to = crmOrigin(crmUrl);
    if (from === to) return previous;
    if (from !== '') await this.approveOriginChange({ from, to });
    const waiting = from === '' ? previous.movedFrom : unique([...previous.movedFrom, ...previous.acceptedOrigins, from]);
    return {
      ...previous,
      crmUrl,
      movedFrom: waiting.filter((origin) => origin !== to),
      acceptedOrigins: from === '' ? previous.acceptedOrigins : [],
      unboundOrigin: previous.unboundOrigin ?? (to || null),
    };
  }

  private async usable(): Promise<StoredSettings> {
    const { settings, damage } = await this.load();
    if (damage !== null) throw new SettingsError({ code: 'settingsDamaged', detail: damage }, damage);
    if (isUnencryptedCrm(settings.crmUrl) && !settings.allowUnencrypted) {
      throw new SettingsError({ code: 'plainHttpHeld' }, 'The CRM URL uses plain http://; use https://, or allow an unencrypted CRM in Settings.');
    }
    return settings;
  }

  /** Read once and kept, unless the file was damaged: then every call reads it again, so a fix shows without a restart. */
  private load(): Promise<Loaded> {
    if (this.current) return this.current;
    const loading = readSettings(this.path);
    this.current = loading;
    void loading.then((loaded) => {
      if (loaded.damage !== null && this.current === loading) this.current = null;
    });
    return loading;
  }

  private async write(settings: StoredSettings): Promise<void> {
    const stored = { ...settings, version: 2 as const };
    await writeFileAtomic(this.path, JSON.stringify(stored, null, 2));
    this.current = Promise.resolve({ settings: stored, damage: null });
  }
}

async function readSettings(path: string): Promise<Loaded> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { settings: EMPTY, damage: null };
    return { settings: EMPTY, damage: `The settings file ${path} cannot be read (${(error as Error).message}). Save the settings again to replace it.` };
  }
  let data: unknown = null;
  try {
    data = JSON.parse(text);
  } catch {
    // reported below as a damaged file
  }
  const parsed = storedSettingsSchema.safeParse(data);
  if (!parsed.success) {
    return { settings: EMPTY, damage: `The settings file ${path} is damaged, so the CRM settings are lost. Enter them again and save to replace it.` };
  }
  const settings = parsed.data;
  return { settings: settings.version === 2 ? settings : { ...settings, unboundOrigin: crmOrigin(settings.crmUrl) || null }, damage: null };
}
