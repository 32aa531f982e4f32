import { accessTokenDefinitionSchema, type AccessTokenDefinition } from '../../shared/token/definition';
import type { TokenDeskApi } from '../../shared/ipc/tokenDeskApi';
import type { TokenDeskDatabase } from '../storage/database';
import { writeDefinition } from '../storage/meta';
import { plainIssues } from '../plainProblems';
import { t } from '../i18n';

/** A refused file: the reason, and (for a file that is JSON but not a definition) every problem in it. */
export type DefinitionImport = { ok: true; definition: AccessTokenDefinition } | { ok: false; error: string; problems: string[] };

const MAX_BYTES = 64 * 1024;

/** Reads an access token definition file, checked as strictly as the app enforces it. */
export function parseDefinition(text: string): DefinitionImport {
  if (text.length > MAX_BYTES) return { ok: false, error: t('settings.definition.tooLarge'), problems: [] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: t('settings.definition.notJson'), problems: [] };
  }
  const checked = accessTokenDefinitionSchema.safeParse(json);
  if (checked.success) return { ok: true, definition: checked.data };
  const problems = plainIssues(checked.error);
  return { ok: false, error: t('settings.definition.invalid', { count: problems.length }), problems };
}

/** Makes the file's definition the active one, once main agrees this operator may (a manager); a bad file changes nothing. */
export async function importDefinition(deps: { db: TokenDeskDatabase; api: Pick<TokenDeskApi, 'authorize'> }, file: Pick<Blob, 'text'>): Promise<DefinitionImport> {
  const parsed = parseDefinition(await file.text());
  if (!parsed.ok) return parsed;
  await deps.api.authorize({ action: 'importDefinition' });
  await writeDefinition(deps.db, parsed.definition);
  return parsed;
}
