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

let sheet: CSSStyleSheet | null = null;
let applied: SlipPage | null = null;

/**
 * Makes the printed page the slip's, for every way of printing (main's silent print, the dialog, a PDF).
 * A constructed sheet, as the CSP allows no inline style; jsdom has none, and only remembers the page.
 */
export function applySlipPage(page: SlipPage): void {
  applied = page;
  if (typeof CSSStyleSheet === 'undefined' || !('adoptedStyleSheets' in document)) return;
  if (!sheet) {
    sheet = new CSSStyleSheet();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
  sheet.replaceSync(pageRule(page));
}

/** The page of the slip last laid out, for main's print job. */
export function appliedSlipPage(): SlipPage | null {
  return applied;
}
