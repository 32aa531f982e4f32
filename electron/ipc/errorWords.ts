import type { MainWords } from '../../shared/ipc/mainWords';
import { CrmError } from '../crm/crmError';
import { errorMessage } from '../errorMessage';
import { WordedError } from '../wordedError';

const MAX_DETAIL = 2000;

/** What the clerk is told of a failure: its own words, the CRM's refusal as data, else the fault's detail as data. */
export function wordsOf(error: unknown): MainWords {
  if (error instanceof WordedError) return error.words;
  const detail = errorMessage(error).slice(0, MAX_DETAIL);
  if (error instanceof CrmError) return error.fromCrm ? { code: 'crmRefused', reason: detail } : { code: 'crmUnreached', detail };
  return { code: 'failed', detail };
}
