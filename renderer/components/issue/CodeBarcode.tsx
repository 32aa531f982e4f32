import { CODE128 } from 'jsbarcode/bin/barcodes/CODE128/index.js';
import { t } from '../../i18n';

/** Code 128 needs ten bar widths of white on each side to be found. */
const QUIET_ZONE = 10;
const MODULE = 2;
const HEIGHT = 40;

interface Symbol128 {
  /** Its width in modules, quiet zones left out. */
  modules: number;
  /** Each bar's start and width, in modules. */
  bars: { x: number; width: number }[];
}

/** The code as Code 128, or null for a code with characters Code 128 cannot carry. */
function code128(code: string): Symbol128 | null {
  const encoder = new CODE128(code, {});
  if (!encoder.valid()) return null;
  const { data } = encoder.encode();
  return { modules: data.length, bars: [...data.matchAll(/1+/g)].map((run) => ({ x: run.index, width: run[0].length })) };
}

/**
 * The authentication code as a Code 128 barcode, for scanners that read no QR: as wide as the slip
 * allows, as tall as the stylesheet says. A code outside Code 128's characters gets no barcode; the QR
 * and the text still carry it.
 */
export function CodeBarcode({ code }: { code: string }) {
  const symbol = code128(code);
  if (!symbol) return null;
  const width = (symbol.modules + 2 * QUIET_ZONE) * MODULE;
  const height = HEIGHT + 2 * QUIET_ZONE * MODULE;
  return (
    <svg viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" role="img" aria-label={t('print.slip.barcode', { code })} className="slip-barcode">
      <rect x={0} y={0} width={width} height={height} fill="#ffffff" />
      <g transform={`translate(${QUIET_ZONE * MODULE}, ${QUIET_ZONE * MODULE})`} fill="#000000">
        {symbol.bars.map((bar) => (
          <rect key={bar.x} x={bar.x * MODULE} y={0} width={bar.width * MODULE} height={HEIGHT} />
        ))}
      </g>
    </svg>
  );
}
