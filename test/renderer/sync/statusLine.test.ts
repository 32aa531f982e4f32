import { describe, expect, it } from 'vitest';
import { deriveStatus, type StatusInputs } from '../../../renderer/sync/statusLine';

const calm: StatusInputs = { reach: 'ok', network: true, pending: 0, parked: 0, conflicts: 0, syncing: false, outcome: 'finished' };
const summary = (changes: Partial<StatusInputs>) => deriveStatus({ ...calm, ...changes }).summary;
const reach = (changes: Partial<StatusInputs>) => deriveStatus({ ...calm, ...changes }).reach.text;

describe('the status line', () => {
  it('names every reach, and the network being down wins over what the CRM last said', () => {
    expect(reach({ reach: 'unknown' })).toBe('Not synced yet');
    expect(reach({ reach: 'ok' })).toBe('Online');
    expect(reach({ reach: 'unreachable' })).toBe('Offline — CRM unreachable');
    expect(reach({ reach: 'unconfigured' })).toBe('No CRM configured — working offline');
    expect(reach({ reach: 'loginFailed' })).toBe('Sign-in to CRM failed');
    expect(reach({ reach: 'localError' })).toBe('This counter cannot open its stored secrets or settings');
    expect(reach({ reach: 'ok', network: false })).toBe('Offline — no network');
  });

  it('counts the queue once, and leaves a zero count of problems off', () => {
    expect(deriveStatus(calm)).toMatchObject({ pending: '0 pending', attention: null, conflicts: null });
    expect(deriveStatus({ ...calm, pending: 3, parked: 2, conflicts: 1 })).toMatchObject({
      pending: '3 pending',
      attention: '2 need attention',
      conflicts: '1 conflict',
    });
    expect(deriveStatus({ ...calm, conflicts: 2 }).conflicts).toBe('2 conflicts');
  });

  it('says "up to date" only when the CRM was reached and nothing waits or is stuck', () => {
    expect(summary({})).toBe('Everything is up to date');
    expect(summary({ parked: 1 })).toBe('Some changes need you — see Pending (F4)');
    expect(summary({ conflicts: 1 })).toBe('Some changes need you — see Pending (F4)');
    expect(summary({ pending: 1 })).toBe('1 change waiting to be sent');
    expect(summary({ pending: 2 })).toBe('2 changes waiting to be sent');
  });

  it('says where waiting changes stay when they cannot go', () => {
    expect(summary({ pending: 2, reach: 'unreachable' })).toBe('2 changes kept here until the CRM can be reached');
    expect(summary({ pending: 2, network: false })).toBe('2 changes kept here until the CRM can be reached');
    expect(summary({ pending: 1, reach: 'loginFailed' })).toBe('1 change kept here until the sign-in is fixed in Settings');
    expect(summary({ pending: 1, reach: 'unconfigured' })).toBe('1 change kept here until a CRM is set up in Settings');
    expect(summary({ pending: 1, reach: 'localError' })).toBe("1 change kept here until this counter's settings are fixed in Settings");
    expect(summary({ pending: 1, reach: 'unknown' })).toBe('1 change waiting for the first sync');
  });

  it('says what to do when nothing waits but the CRM is not there', () => {
    expect(summary({ reach: 'loginFailed' })).toBe('Check the sign-in in Settings');
    expect(summary({ reach: 'unconfigured' })).toBe('Set up a CRM in Settings to sync');
    expect(summary({ reach: 'localError' })).toBe("Check this counter's settings in Settings");
    expect(summary({ reach: 'unknown', outcome: 'none' })).toBe('Nothing waiting to be sent');
    expect(summary({ reach: 'unreachable' })).toBe('Nothing waiting; the counter works offline');
    expect(summary({ network: false })).toBe('Nothing waiting; the counter works offline');
  });

  it('puts a running sync and a sync that stopped on this counter first', () => {
    expect(summary({ syncing: true, pending: 4 })).toBe('Syncing…');
    expect(summary({ outcome: 'failed', pending: 4 })).toBe('The last sync stopped on this counter; changes stay queued');
  });
});
