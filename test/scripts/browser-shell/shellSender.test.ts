import { describe, expect, it } from 'vitest';
import { isShellAppSender } from '../../../scripts/browser-shell/shellSender';

describe("browser shell's bridge", () => {
  const trusted = isShellAppSender('http://127.0.0.1:5178');

  it("answers only the app's own origin, in the main frame", () => {
    expect(trusted({ frameUrl: 'http://127.0.0.1:5178/index.html', isMainFrame: true })).toBe(true);
    expect(trusted({ frameUrl: 'http://127.0.0.1:5178/index.html', isMainFrame: false })).toBe(false);
    expect(trusted({ frameUrl: 'http://127.0.0.1:5179/index.html', isMainFrame: true })).toBe(false);
    expect(trusted({ frameUrl: 'https://attacker.example/', isMainFrame: true })).toBe(false);
    expect(trusted({ frameUrl: 'about:blank', isMainFrame: true })).toBe(false);
    expect(trusted({ frameUrl: undefined, isMainFrame: true })).toBe(false);
    expect(trusted({ frameUrl: 'not a url', isMainFrame: true })).toBe(false);
  });
});
