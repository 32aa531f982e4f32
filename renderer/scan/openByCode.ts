import { t } from '../i18n';
import { checkField } from '../../shared/token/definition';
import type { TokenDeskDatabase } from '../storage/database';
import { readDefinition } from '../storage/meta';
import { findExact } from '../storage/queries';
import { fetchByCode, type Confirmation, type LookupDeps } from '../sync/crmLookups';

export interface OpenByCodeDeps extends LookupDeps {
  db: TokenDeskDatabase;
  openToken: (localId: string) => void;
  /** Shown while the CRM is asked (it may take a while). */
  onProgress: (message: string) => void;
}

function notFound(code: string, confirmation: Confirmation): string {
  if (confirmation.kind === 'missing') return t('find.scan.missing', { code });
  if (confirmation.kind === 'failed') return t('find.scan.failed', { code });
  return t('find.scan.offline', { code });
}

/**
 * Opens the token a scanned or typed value names exactly; a code this counter does not hold is looked
 * up in the CRM. Returns what the operator should read when nothing opened, else null.
 */
export async function openByCode(deps: OpenByCodeDeps, text: string): Promise<string | null> {
  const value = text.trim();
  if (value === '') return null;
  const local = await findExact(deps.db, value);
  if (local) {
    deps.openToken(local.localId);
    return null;
  }
  const definition = await readDefinition(deps.db);
  if (checkField(definition.authenticationCode, value) !== null) {
    return t('find.scan.notSingle', { value });
  }
  deps.onProgress(t('find.scan.asking', { value }));
  const { token, confirmation } = await fetchByCode(deps, value);
  if (!token) return notFound(value, confirmation);
  deps.openToken(token.localId);
  return null;
}
