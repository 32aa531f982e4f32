import { t } from '../i18n';
import type { CrmReach } from '../../shared/ipc/contract';

/** What the last CRM call learned; 'unknown' before any answered. */
export type ReachView = 'unknown' | CrmReach;

/** How the last sync ended: never ran, ran to its end, or stopped on an error on this counter. */
export type SyncOutcome = 'none' | 'finished' | 'failed';

/** Everything the status bar says, as plain values, so any source (polling, events from main) can feed it. */
export interface StatusInputs {
  reach: ReachView;
  /** The computer's own network (navigator.onLine). */
  network: boolean;
  pending: number;
  parked: number;
  conflicts: number;
  syncing: boolean;
  outcome: SyncOutcome;
}

export type StatusTone = 'ok' | 'bad' | 'neutral';

export interface StatusView {
  reach: { key: ReachView | 'offline'; text: string; tone: StatusTone };
  pending: string;
  /** Null when there is nothing to say (a count of 0 is not shown). */
  attention: string | null;
  conflicts: string | null;
  /** The one sentence: what the counter should know now. */
  summary: string;
}

const REACH_TONE: Record<ReachView | 'offline', StatusTone> = {
  unknown: 'neutral',
  ok: 'ok',
  unreachable: 'bad',
  unconfigured: 'neutral',
  loginFailed: 'bad',
  localError: 'bad',
  offline: 'bad',
};

/** An unreachable CRM and no network keep changes for the same reason. */
const waitingKey = (reach: ReachView | 'offline'): string => (reach === 'unreachable' ? 'offline' : reach);

function summaryOf(inputs: StatusInputs, reach: ReachView | 'offline'): string {
  if (inputs.syncing) return t('shell.status.syncing');
  if (inputs.outcome === 'failed') return t('shell.status.summary.failed');
  if (inputs.pending > 0) return t(`shell.status.waiting.${waitingKey(reach)}`, { count: inputs.pending });
  if (inputs.parked + inputs.conflicts > 0) return t('shell.status.summary.stuck');
  return t(`shell.status.summary.${waitingKey(reach)}`);
}

/**
 * The status bar's words, derived in this one place from reach, the queue and the last sync's outcome,
 * so no two parts of it can disagree: the network being down wins over what the CRM last said, a count
 * appears once, and "up to date" needs the CRM reached with nothing waiting or stuck.
 */
export function deriveStatus(inputs: StatusInputs): StatusView {
  const key: StatusView['reach']['key'] = inputs.network ? inputs.reach : 'offline';
  const reach: StatusView['reach'] = { key, text: t(`shell.status.reach.${key}`), tone: REACH_TONE[key] };
  return {
    reach,
    pending: t('shell.status.pending', { count: inputs.pending }),
    attention: inputs.parked > 0 ? t('shell.status.attention', { count: inputs.parked }) : null,
    conflicts: inputs.conflicts > 0 ? t('shell.status.conflicts', { count: inputs.conflicts }) : null,
    summary: summaryOf(inputs, key),
  };
}
