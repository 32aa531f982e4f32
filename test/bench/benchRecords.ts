import type { ServerToken } from '../../shared/token/serverToken';

/** Deterministic token data for the benchmark: about 500 bytes a record, as a busy counter caches them. */
const pad = (n: number, width: number) => String(n).padStart(width, '0');

export const codeOf = (i: number) => `BC${pad(i, 10)}X${((i * 7919) % 9973).toString(36).toUpperCase().padStart(3, '0')}`;
export const identifierOf = (i: number) => `CARD${pad((i * 48271) % 2_147_483_647, 10)}`;
export const numberOf = (i: number) => String(100_000 + i);

export function serverTokenOf(i: number): ServerToken {
  const participant = i % 3 === 0 ? null : {
    id: `P${pad(i % 5000, 31)}`,
    number: String(i % 5000),
    accountNumber: pad(i % 5000, 6),
    accountName: `Account ${i % 5000} of a busy loyalty programme`,
    ownerName: `Owner ${i % 5000} Papadopoulos`,
  };
  return {
    id: `T${pad(i, 31)}`,
    number: numberOf(i),
    identifier: identifierOf(i),
    authenticationCode: codeOf(i),
    lifeCycleState: i % 7 === 0 ? 'NOT_EFFECTIVE' : 'EFFECTIVE',
    participant,
    classificationName: i % 2 === 0 ? 'Gold members' : null,
    createdDate: '2026-11-01T09:00:00',
    updatedDate: '2026-11-20T17:30:00',
    createdBy: 'demo',
    updatedBy: 'demo',
  };
}
