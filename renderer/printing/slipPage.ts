import { t } from '../i18n';
import { ROLL_WIDTH_MM, type Paper } from '../../shared/ipc/contract';
import type { PrintSettings } from '../storage/meta';

export interface SlipPage {
  paper: Paper;
  /** A roll's page is as long as its slip; A4 is 297 mm. */
  heightMm: number;
}

/**
 * Everything a printed page (a slip, the end-of-shift summary) is laid out from: a change to any of
 * it changes the page's length, so a print waits until the page on screen is laid out from all of it.
 */
export interface PageLayout {
  paper: Paper;
  shopName: string;
  instructions: string;
  language: string;
}

export const pageLayout = ({ paper, shopName, instructions }: PrintSettings, language: string): PageLayout => ({ paper, shopName, instructions, language });

const sameLayout = (a: PageLayout, b: PageLayout): boolean =>
  a.paper === b.paper && a.shopName === b.shopName && a.instructions === b.instructions && a.language === b.language;

const A4_HEIGHT_MM = 297;
/** Paper fed past the slip's last line, so the cutter does not cut through it. */
const FEED_MM = 8;
const MIN_ROLL_MM = 40;
const MM_PER_CSS_PX = 25.4 / 96;

export function slipPage(paper: Paper, slipHeightPx: number): SlipPage {
  if (paper === 'A4') return { paper, heightMm: A4_HEIGHT_MM };
  return { paper, heightMm: Math.max(MIN_ROLL_MM, Math.ceil(slipHeightPx * MM_PER_CSS_PX) + FEED_MM) };
}

/** A roll prints edge to edge (the slip keeps its own margin inside the printable width). */
export function pageRule({ paper, heightMm }: SlipPage): string {
  return paper === 'A4' ? '@page { size: A4; margin: 15mm; }' : `@page { size: ${ROLL_WIDTH_MM[paper]}mm ${heightMm}mm; margin: 0; }`;
}

/** How long a print waits for a page just shown to be laid out. */
const LAYOUT_WAIT_MS = 3_000;

let sheet: CSSStyleSheet | null = null;
let applied: { page: SlipPage; layout: PageLayout } | null = null;
let waiters: Array<{ layout: PageLayout; resolve: (page: SlipPage) => void }> = [];

/**
 * Makes the printed page the one on screen, for every way of printing (main's silent print, the dialog,
 * a PDF); `layout` is what it was laid out from. A constructed sheet, as the CSP allows no inline style;
 * jsdom has none, and only remembers the page.
 */
export function applySlipPage(page: SlipPage, layout: PageLayout): void {
  applied = { page, layout };
  if (typeof CSSStyleSheet !== 'undefined' && 'adoptedStyleSheets' in document) {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    }
    sheet.replaceSync(pageRule(page));
  }
  const ready = waiters.filter((waiter) => sameLayout(waiter.layout, layout));
  waiters = waiters.filter((waiter) => !ready.includes(waiter));
  for (const waiter of ready) waiter.resolve(page);
}

/** The page left the screen: nothing is laid out to print until the next one is, and other prints get their own page. */
export function forgetSlipPage(): void {
  applied = null;
  sheet?.replaceSync('');
}

/**
 * The page on screen once it is laid out from `layout`: a page just shown (or whose paper, words or
 * language just changed) is laid out a commit later, and printing it before would print the wrong page.
 */
export function slipLaidOut(layout: PageLayout): Promise<SlipPage> {
  if (applied && sameLayout(applied.layout, layout)) return Promise.resolve(applied.page);
  return new Promise((resolve, reject) => {
    const waiter = { layout, resolve };
    waiters.push(waiter);
    setTimeout(() => {
      if (!waiters.includes(waiter)) return;
      waiters = waiters.filter((other) => other !== waiter);
      reject(new Error(t('print.notReady')));
    }, LAYOUT_WAIT_MS);
  });
}
