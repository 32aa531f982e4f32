import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RENDERER_CSP } from '../../electron/protocol/rendererAssets';

/**
 * The renderer as it ships: built by Vite (into a temp folder, so the e2e build is not disturbed),
 * with no inline script and a Content-Security-Policy that allows nothing unsafe and nothing remote.
 */
const ROOT = resolve(import.meta.dirname, '../..');

function directives(csp: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of csp.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), values);
  }
  return map;
}

/** Why a policy is not strict enough; empty when it is. */
function cspProblems(csp: string): string[] {
  const problems: string[] = [];
  const d = directives(csp);
  for (const [name, values] of d) {
    for (const value of values) {
      if (/^'unsafe-/i.test(value)) problems.push(`${name} allows ${value}`);
      if (/^(https?:|wss?:|\*|\/\/)/i.test(value) || /^[\w-]+(\.[\w-]+)+/.test(value)) problems.push(`${name} allows the remote source ${value}`);
    }
  }
  if (d.get('script-src')?.join(' ') !== "'self'") problems.push("script-src must be exactly 'self'");
  if (!['self', 'none'].some((v) => d.get('default-src')?.join(' ') === `'${v}'`)) problems.push("default-src must be 'self' or 'none'");
  if (d.get('object-src')?.join(' ') !== "'none'") problems.push("object-src must be 'none'");
  if (d.get('base-uri')?.join(' ') !== "'none'") problems.push("base-uri must be 'none'");
  return problems;
}

describe('Content-Security-Policy of the built renderer', () => {
  let outDir: string;
  let html: string;

  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'token-desk-csp-'));
    await build({ configFile: resolve(ROOT, 'vite.config.ts'), mode: 'renderer', logLevel: 'silent', build: { outDir, emptyOutDir: true } });
    html = await readFile(join(outDir, 'index.html'), 'utf8');
  }, 60_000);

  afterAll(async () => {
    await rm(outDir, { recursive: true, force: true });
  });

  it('has no inline script, no inline event handler and no remote resource', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes = '', body = ''] of scripts) {
      expect(attributes).toMatch(/\bsrc="\.\/assets\/[\w.-]+\.js"/);
      expect(body.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i);
    expect(html).not.toMatch(/javascript:/i);
  });

  it('carries a CSP meta tag with nothing unsafe and nothing remote', () => {
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
    expect(meta?.[1]).toBeDefined();
    expect(cspProblems(meta?.[1] ?? '')).toEqual([]);
  });

  it('sends the same strict policy as a header from app:// and the browser shell', () => {
    expect(cspProblems(RENDERER_CSP)).toEqual([]);
    expect(directives(RENDERER_CSP).get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('recognises a weak policy (the checker itself works)', () => {
    expect(cspProblems("default-src 'self'; script-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'")).toContain("script-src allows 'unsafe-inline'");
    expect(cspProblems("default-src *; script-src 'self' https://cdn.example.com; object-src 'none'; base-uri 'none'")).toEqual([
      'default-src allows the remote source *',
      'script-src allows the remote source https://cdn.example.com',
      "script-src must be exactly 'self'",
      "default-src must be 'self' or 'none'",
    ]);
  });
});
