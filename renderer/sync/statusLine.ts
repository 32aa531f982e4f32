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

const REACH_TEXT: Record<ReachView, { text: string; tone: StatusTone }> = {
  unknown: { text: 'Not synced yet', tone: 'neutral' },
  ok: { text: 'Online', tone: 'ok' },
  unreachable: { text: 'Offline — CRM unreachable', tone: 'bad' },
  unconfigured: { text: 'No CRM configured — working offline', tone: 'neutral' },
  loginFailed: { text: 'Sign-in to CRM failed', tone: 'bad' },
  localError: { text: 'This counter cannot open its stored secrets or settings', tone: 'bad' },
};

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

function waitingSummary(pending: number, reach: ReachView | 'offline'): string {
  const changes = plural(pending, 'change', 'changes');
  if (reach === 'ok') return `${changes} waiting to be sent`;
  if (reach === 'loginFailed') return `${changes} kept here until the sign-in is fixed in Settings`;
  if (reach === 'unconfigured') return `${changes} kept here until a CRM is set up in Settings`;
  if (reach === 'localError') return `${changes} kept here until this counter's settings are fixed in Settings`;
  if (reach === 'unknown') return `${changes} waiting for the first sync`;
  return `${changes} kept here until the CRM can be reached`;
}

function summaryOf(inputs: StatusInputs, reach: ReachView | 'offline'): string {
  if (inputs.syncing) return 'Syncing…';
  if (inputs.outcome === 'failed') return 'The last sync stopped on this counter; changes stay queued';
  if (inputs.pending > 0) return waitingSummary(inputs.pending, reach);
  if (inputs.parked + inputs.conflicts > 0) return 'Some changes need you — see Pending (F4)';
  if (reach === 'ok') return 'Everything is up to date';
  if (reach === 'loginFailed') return 'Check the sign-in in Settings';
  if (reach === 'unconfigured') return 'Set up a CRM in Settings to sync';
  if (reach === 'localError') return "Check this counter's settings in Settings";
  if (reach === 'unknown') return 'Nothing waiting to be sent';
  return 'Nothing waiting; the counter works offline';
}

/**
 * The status bar's words, derived in this one place from reach, the queue and the last sync's outcome,
 * so no two parts of it can disagree: the network being down wins over what the CRM last said, a count
 * appears once, and "up to date" needs the CRM reached with nothing waiting or stuck.
 */
export function deriveStatus(inputs: StatusInputs): StatusView {
  const key: StatusView['reach']['key'] = inputs.network ? inputs.reach : 'offline';
  const reach: StatusView['reach'] = key === 'offline' ? { key, text: 'Offline — no network', tone: 'bad' } : { key, ...REACH_TEXT[key] };
  return {
    reach,
    pending: `${inputs.pending} pending`,
    attention: inputs.parked > 0 ? `${inputs.parked} need attention` : null,
    conflicts: inputs.conflicts > 0 ? plural(inputs.conflicts, 'conflict', 'conflicts') : null,
    summary: summaryOf(inputs, key),
  };
}
