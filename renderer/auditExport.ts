import type { TokenDeskDatabase } from './storage/database';
import type { AuditRow, TokenRow } from './storage/rows';

const COLUMNS = ['Time', 'Terminal', 'Operator', 'Operator ID', 'Approved by', 'Action', 'Outcome', 'Authentication code', 'Identifier', 'Detail'];
const PAGE = 500;

/** Blanks, invisible and control characters a spreadsheet skips before it sees a formula. */
const SKIPPED = String.raw`[\s\u0000-\u001F\u007F-\u009F\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]`;
/** = + - @ and their full-width forms, which some spreadsheets also read as formulas. */
const FORMULA_START = new RegExp(`^${SKIPPED}*[=+\\-@\uFF1D\uFF0B\uFF0D\uFF20]`);
/** Control characters other than tab and line breaks: shown as the replacement character. */
const CONTROL = new RegExp(String.raw`[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]`, 'g');

/**
 * One CSV cell (RFC 4180): quoted when it holds a quote, comma or line break. A value a spreadsheet
 * would run as a formula (= + - @, full-width too, even after blanks or invisible characters) gets a
 * leading apostrophe, and stray control characters are replaced.
 */
export function csvCell(value: string): string {
  const visible = value.replace(CONTROL, '\uFFFD');
  const safe = FORMULA_START.test(value) || /^[\t\r]/.test(value) ? `'${visible}` : visible;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One CSV line of guarded cells, ending in CRLF. */
export const csvLine = (cells: readonly string[]) => `${cells.map(csvCell).join(',')}\r\n`;

function auditLine(row: AuditRow, token: TokenRow | undefined): string {
  return csvLine([
    new Date(row.at).toISOString(),
    row.terminal ?? '',
    row.operator ?? '',
    row.operatorId ?? '',
    row.approvedBy ?? '',
    row.action,
    row.outcome,
    token?.authenticationCode ?? '',
    token?.identifier ?? '',
    row.detail,
  ]);
}

export interface AuditCsv {
  /** The file's text in pieces, as `new Blob(parts)` takes them. */
  parts: string[];
  rows: number;
}

/** The whole audit log as CSV, oldest first, read a page at a time by primary key (never the whole table at once). */
export async function auditCsv(db: TokenDeskDatabase, pageSize = PAGE): Promise<AuditCsv> {
  const parts = [csvLine(COLUMNS)];
  let rows = 0;
  let after = 0;
  for (;;) {
    const page = await db.audit.where(':id').above(after).limit(pageSize).toArray();
    if (page.length === 0) break;
    const ids = [...new Set(page.map((row) => row.tokenLocalId))];
    const found = await db.tokens.bulkGet(ids);
    const tokens = new Map(ids.map((id, i) => [id, found[i]]));
    for (const row of page) parts.push(auditLine(row, tokens.get(row.tokenLocalId)));
    rows += page.length;
    after = page.at(-1)?.id ?? after;
  }
  return { parts, rows };
}
