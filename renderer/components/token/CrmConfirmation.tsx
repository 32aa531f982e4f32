import { t, useTranslation } from '../../i18n';
import { useEffect, useState } from 'react';
import { useServices } from '../../context';
import type { TokenRow } from '../../storage/rows';
import { formatAge } from '../../labels';
import { confirmWithCrm, type Confirmation } from '../../sync/crmLookups';
import { useClock } from '../useClock';

const TICK_MS = 15_000;
const MINUTE = 60_000;

/** "just now", "2 min ago", "3 h ago". */
export function ago(ms: number): string {
  return ms < MINUTE ? t('shell.time.justNow') : t('shell.time.ago', { age: formatAge(ms) });
}

/** Asks the CRM about the token once it is opened (in the background); null while asking. */
function useConfirmation(localId: string, code: string): Confirmation | null {
  const services = useServices();
  const [answer, setAnswer] = useState<{ localId: string; confirmation: Confirmation } | null>(null);
  useEffect(() => {
    let current = true;
    void confirmWithCrm(services, code).then((confirmation) => {
      if (current) setAnswer({ localId, confirmation });
    });
    return () => {
      current = false;
    };
    // Once per opened token: a new code after a sync is the same token, already confirmed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [services, localId]);
  return answer?.localId === localId ? answer.confirmation : null;
}

/** How fresh this counter's copy is: "Confirmed by CRM 2 min ago" / "Not confirmed — offline". */
export function CrmConfirmation({ token }: { token: TokenRow }) {
  const confirmation = useConfirmation(token.localId, token.authenticationCode);
  const clock = useClock(TICK_MS);
  useTranslation();
  const last = token.confirmedAt === null ? null : ago(Math.max(0, clock - token.confirmedAt));
  let text: string;
  let tone = 'muted';
  if (confirmation === null) {
    text = t('token.confirmation.checking');
  } else if (confirmation.kind === 'confirmed') {
    text = t('token.confirmation.confirmed', { when: last ?? t('shell.time.justNow') });
    tone = 'ok';
  } else if (confirmation.kind === 'missing') {
    // A create or a new code not sent yet: the CRM cannot know it under this code.
    const unsent = token.serverId === null || token.syncStatus !== 'synced';
    text = unsent ? t('token.confirmation.unsent') : t('token.confirmation.gone');
    tone = unsent ? 'warn' : 'bad';
  } else {
    const reason = confirmation.kind === 'failed' ? confirmation.message : t('token.confirmation.offline');
    text = last === null ? t('token.confirmation.notConfirmed', { reason }) : t('token.confirmation.notConfirmedLast', { reason, when: last });
    tone = 'warn';
  }
  return (
    <p role="status" className={`confirmation tone-${tone}`}>
      {text}
    </p>
  );
}
