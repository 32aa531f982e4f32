import { afterEach, describe, expect, it } from 'vitest';
import { getTokenDesk } from '../../renderer/bridge';
import { fakeTokenDesk } from './support';

afterEach(() => {
  delete window.tokenDesk;
});

describe('getTokenDesk', () => {
  it('returns the api the preload exposed', () => {
    const { api } = fakeTokenDesk({});
    window.tokenDesk = api;
    expect(getTokenDesk()).toBe(api);
  });

  it('says clearly when the preload did not expose it', () => {
    expect(() => getTokenDesk()).toThrow('Token Desk bridge is missing: window.tokenDesk was not exposed by the preload.');
  });
});
