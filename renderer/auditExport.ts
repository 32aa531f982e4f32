import type { TokenDeskDatabase } from './storage/database';
import type { AuditRow, TokenRow } from './storage/rows';

const COLUMNS = ['Time', 'Terminal', 'Operator', 'Action', 'Outcome', 'Authentication code', 'Identifier', 'Detail'];
const PAGE = 500;

/**
 * One CSV cell (RFC 4180): quoted when it holds a quote, comma or line break. A value a spreadsheet
 * would run as a formula (= + - @ first) gets a leading apostrophe.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const csvLine = (cells: readonly string[]) => `${cells.map(csvCell).join(',')}\r\n`;

function auditLine(row: AuditRow, token: TokenRow | undefined): string {
  return csvLine([
    new Date(row.at).toISOString(),
    row.terminal ?? '',
    row.operator ?? '',
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
