import { t } from '../i18n';
import type { Paper } from '../../shared/ipc/contract';

export interface SlipPage {
  paper: Paper;
  /** A roll's page is as long as its slip; A4 is 297 mm. */
  heightMm: number;
}

const ROLL_WIDTH_MM = { '58mm': 58, '80mm': 80 } as const;
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

/** How long a print waits for a slip just shown to be laid out. */
const LAYOUT_WAIT_MS = 3_000;

let sheet: CSSStyleSheet | null = null;
let applied: SlipPage | null = null;
let waiters: Array<{ paper: Paper; resolve: (page: SlipPage) => void }> = [];

/**
 * Makes the printed page the slip's, for every way of printing (main's silent print, the dialog, a PDF).
 * A constructed sheet, as the CSP allows no inline style; jsdom has none, and only remembers the page.
 */
export function applySlipPage(page: SlipPage): void {
  applied = page;
  if (typeof CSSStyleSheet !== 'undefined' && 'adoptedStyleSheets' in document) {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    }
    sheet.replaceSync(pageRule(page));
  }
  const ready = waiters.filter((waiter) => waiter.paper === page.paper);
  waiters = waiters.filter((waiter) => waiter.paper !== page.paper);
  for (const waiter of ready) waiter.resolve(page);
}

/** The slip left the screen: nothing is laid out to print until the next one is, and other prints (End of shift) get their own page. */
export function forgetSlipPage(): void {
  applied = null;
  sheet?.replaceSync('');
}

/**
 * The page of the slip on screen once it is laid out for `paper`: a slip just shown (or whose paper was
 * just changed) is laid out a commit later, and printing it before would print the wrong page.
 */
export function slipLaidOut(paper: Paper): Promise<SlipPage> {
  if (applied?.paper === paper) return Promise.resolve(applied);
  return new Promise((resolve, reject) => {
    const waiter = { paper, resolve };
    waiters.push(waiter);
    setTimeout(() => {
      if (!waiters.includes(waiter)) return;
      waiters = waiters.filter((other) => other !== waiter);
      reject(new Error(t('print.notReady')));
    }, LAYOUT_WAIT_MS);
  });
}
