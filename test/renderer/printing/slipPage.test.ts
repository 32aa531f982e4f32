import { afterEach, describe, expect, it, vi } from 'vitest';
import { applySlipPage, forgetSlipPage, pageRule, slipLaidOut, slipPage, type PageLayout } from '../../../renderer/printing/slipPage';

const at = (paper: PageLayout['paper'], words: Partial<PageLayout> = {}): PageLayout => ({ paper, shopName: 'Kafeneio Nikos', instructions: '', language: 'en', ...words });

afterEach(() => {
  forgetSlipPage();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the printed page of a slip', () => {
  it('is as wide as the roll and as long as the slip, with paper for the cutter; A4 stays A4', () => {
    // 960 CSS px are 254 mm.
    expect(slipPage('80mm', 960)).toEqual({ paper: '80mm', heightMm: 262 });
    expect(pageRule(slipPage('80mm', 960))).toBe('@page { size: 80mm 262mm; margin: 0; }');
    expect(pageRule(slipPage('58mm', 0))).toBe('@page { size: 58mm 40mm; margin: 0; }');
    expect(pageRule(slipPage('A4', 5000))).toBe('@page { size: A4; margin: 15mm; }');
  });

  it('is printed only once a slip is laid out for the paper asked for', async () => {
    const laidOut = slipLaidOut(at('58mm'));
    let page: unknown = null;
    void laidOut.then((value) => (page = value));
    applySlipPage(slipPage('80mm', 400), at('80mm'));
    await Promise.resolve();
    expect(page).toBeNull();
    applySlipPage(slipPage('58mm', 400), at('58mm'));
    expect(await laidOut).toEqual({ paper: '58mm', heightMm: 114 });
    expect(await slipLaidOut(at('58mm'))).toEqual({ paper: '58mm', heightMm: 114 });
  });

  it('waits for a slip laid out with the words and language asked for, not only the paper', async () => {
    applySlipPage(slipPage('58mm', 400), at('58mm'));
    for (const changed of [{ shopName: 'Taverna Eleni' }, { instructions: 'Keep this slip.' }, { language: 'el' }]) {
      const laidOut = slipLaidOut(at('58mm', changed));
      let page: unknown = null;
      void laidOut.then((value) => (page = value));
      await Promise.resolve();
      expect(page).toBeNull();
      applySlipPage(slipPage('58mm', 500), at('58mm', changed));
      expect(await laidOut).toEqual({ paper: '58mm', heightMm: 141 });
    }
  });

  it('leaves no page rule behind once the slip leaves the screen, so the next print of another page is not cut to it', () => {
    class FakeSheet {
      rule = '';
      replaceSync(text: string) {
        this.rule = text;
      }
    }
    const page = { adoptedStyleSheets: [] as FakeSheet[] };
    vi.stubGlobal('CSSStyleSheet', FakeSheet);
    vi.stubGlobal('document', page);
    applySlipPage(slipPage('58mm', 400), at('58mm'));
    expect(page.adoptedStyleSheets.map((sheet) => sheet.rule)).toEqual(['@page { size: 58mm 114mm; margin: 0; }']);
    forgetSlipPage();
    expect(page.adoptedStyleSheets.map((sheet) => sheet.rule)).toEqual(['']);
  });

  it('says so, in words, when no slip is laid out in time', async () => {
    vi.useFakeTimers();
    const laidOut = slipLaidOut(at('A4'));
    const failed = expect(laidOut).rejects.toThrow('It was not laid out in time to print.');
    await vi.advanceTimersByTimeAsync(3_000);
    await failed;
  });
});
