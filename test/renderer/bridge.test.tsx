import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { getTokenDesk } from '../../renderer/bridge';
import { i18n } from '../../renderer/i18n';
import { fakeTokenDesk } from './support';

afterEach(() => {
  delete window.tokenDesk;
});
afterAll(async () => {
  await i18n.changeLanguage('en');
});

describe('getTokenDesk', () => {
  it('returns the api the preload exposed', () => {
    const { api } = fakeTokenDesk({});
    window.tokenDesk = api;
    expect(getTokenDesk()).toBe(api);
  });

  it('says clearly, in the clerk’s language, when the preload did not expose it', async () => {
    expect(() => getTokenDesk()).toThrow('This window was opened without its link to Token Desk, so it cannot work. Restart Token Desk; if it happens again, reinstall it.');
    await i18n.changeLanguage('el');
    expect(() => getTokenDesk()).toThrow(/^Αυτό το παράθυρο άνοιξε χωρίς τη σύνδεσή του με το Token Desk/u);
  });
});
