import type { PushReply, SyncError } from './contract';

/** The error a push reply reports: the last refused, retried or conflicting change, else why the CRM was not reached. */
export function replyError(reply: PushReply): SyncError | null {
  for (const result of [...reply.results].reverse()) {
    if (result.outcome === 'retry' || result.outcome === 'parked') return result.error;
    if (result.outcome === 'conflict') {
      return { code: 'CONFLICT', message: 'The CRM changed a token meanwhile; choose which value stays.', words: { code: 'crmChangedMeanwhile' } };
    }
  }
  if (reply.crm === 'ok') return null;
  const message = reply.message ?? 'The CRM was not reached.';
  return { code: reply.crm, message, words: reply.crm === 'unconfigured' ? { code: 'noCrm' } : { code: 'crmUnreached', detail: message.slice(0, 2000) } };
}
