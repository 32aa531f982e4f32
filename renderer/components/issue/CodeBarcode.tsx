import { t } from '../../i18n';
import JsBarcode from 'jsbarcode';
import { useLayoutEffect, useRef, useState } from 'react';

/** Code 128 needs ten bar widths of white on each side to be found. */
const QUIET_ZONE = 10;
const MODULE = 2;

/**
 * The authentication code as a Code 128 barcode, for scanners that read no QR: as wide as the slip
 * allows, as tall as the stylesheet says. A code outside Code 128's characters gets no barcode; the QR
 * and the text still carry it.
 */
export function CodeBarcode({ code }: { code: string }) {
  const ref = useRef<SVGSVGElement>(null);
  const [valid, setValid] = useState(true);
  useLayoutEffect(() => {
    if (!ref.current) return;
    JsBarcode(ref.current, code, {
      format: 'CODE128',
      width: MODULE,
      height: 40,
      margin: QUIET_ZONE * MODULE,
      displayValue: false,
      background: '#ffffff',
      lineColor: '#000000',
      valid: setValid,
    });
  }, [code]);
  return <svg ref={ref} display={valid ? undefined : 'none'} preserveAspectRatio="none" role="img" aria-label={t('print.slip.barcode', { code })} className="slip-barcode" />;
}
