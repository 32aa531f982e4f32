import { describe, expect, it } from 'vitest';
import { resolveUpdateFeed, UPDATE_URL_ENV } from '../../../electron/update/updateFeed';
import { assessKeychain } from '../../../electron/vault/keychain';

describe('auto-update feed', () => {
  const packaged = { isPackaged: true, hasAppUpdateYml: false };

  it('is off until a feed URL is configured', () => {
    expect(resolveUpdateFeed({ ...packaged, env: {} })).toEqual({ kind: 'off', reason: 'no update feed configured' });
    expect(resolveUpdateFeed({ ...packaged, env: { [UPDATE_URL_ENV]: '  ' } }).kind).toBe('off');
  });

  it('is off in an unpackaged run, whatever is configured', () => {
    expect(resolveUpdateFeed({ isPackaged: false, hasAppUpdateYml: true, env: { [UPDATE_URL_ENV]: 'https://updates.example.com/' } })).toEqual({
      kind: 'off',
      reason: 'not a packaged app',
    });
  });

  it('takes an https feed from TOKEN_DESK_UPDATE_URL, and refuses plain http, credentials and junk', () => {
    expect(resolveUpdateFeed({ ...packaged, env: { [UPDATE_URL_ENV]: 'https://updates.example.com/token-desk' } })).toEqual({
      kind: 'url',
      url: 'https://updates.example.com/token-desk',
    });
    for (const bad of ['http://updates.example.com/', 'https://u:p@updates.example.com/', 'not a url', 'file:///tmp/feed']) {
      expect(resolveUpdateFeed({ ...packaged, env: { [UPDATE_URL_ENV]: bad } }).kind, bad).toBe('off');
    }
  });

  it('uses the feed built into the package (app-update.yml) when there is one', () => {
    expect(resolveUpdateFeed({ ...packaged, hasAppUpdateYml: true, env: {} })).toEqual({ kind: 'packaged' });
  });
});

describe('OS keychain assessment', () => {
  it('is fine with a real keychain', () => {
    expect(assessKeychain({ platform: 'darwin', available: true, linuxBackend: null })).toEqual({ level: 'ok', protection: 'OS keychain' });
    expect(assessKeychain({ platform: 'win32', available: true, linuxBackend: null }).level).toBe('ok');
    expect(assessKeychain({ platform: 'linux', available: true, linuxBackend: 'gnome_libsecret' })).toEqual({ level: 'ok', protection: 'OS keychain (gnome_libsecret)' });
  });

  it('warns when Linux has no keyring (basic_text)', () => {
    const weak = assessKeychain({ platform: 'linux', available: true, linuxBackend: 'basic_text' });
    expect(weak.level).toBe('weak');
    expect(weak.level !== 'ok' && weak.warning).toMatch(/basic_text/);
  });

  it('says secrets cannot be sealed when there is no keychain at all', () => {
    const none = assessKeychain({ platform: 'linux', available: false, linuxBackend: null });
    expect(none.level).toBe('none');
    expect(none.level !== 'ok' && none.warning).toMatch(/cannot be sealed/);
  });
});
