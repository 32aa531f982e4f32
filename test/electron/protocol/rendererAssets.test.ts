import { describe, expect, it } from 'vitest';
import { RENDERER_CSP, resolveRendererAsset } from '../../../electron/protocol/rendererAssets';

describe('renderer assets', () => {
  it('serves index.html for the root, with the CSP', () => {
    const asset = resolveRendererAsset('/app/dist/renderer', '/');
    expect(asset?.filePath).toBe('/app/dist/renderer/index.html');
    expect(asset?.headers['content-security-policy']).toBe(RENDERER_CSP);
    expect(asset?.headers['content-type']).toMatch(/text\/html/);
  });

  it('maps asset paths inside the folder', () => {
    expect(resolveRendererAsset('/app/dist/renderer', '/assets/index-abc.js')?.filePath).toBe('/app/dist/renderer/assets/index-abc.js');
  });

  it('refuses anything outside the folder or of an unknown type', () => {
    expect(resolveRendererAsset('/app/dist/renderer', '/../../etc/passwd')).toBeNull();
    expect(resolveRendererAsset('/app/dist/renderer', '/%2e%2e/%2e%2e/secret.js')).toBeNull();
    expect(resolveRendererAsset('/app/dist/renderer', '/%E0%A4%A')).toBeNull();
    expect(resolveRendererAsset('/app/dist/renderer', '/settings.sh')).toBeNull();
  });

  it('allows no inline script and no remote content', () => {
    expect(RENDERER_CSP).toContain("script-src 'self'");
    expect(RENDERER_CSP).not.toContain('unsafe-inline');
    expect(RENDERER_CSP).toContain("object-src 'none'");
  });
});
