import { BinaryBitmap, Code128Reader, DecodeHintType, HybridBinarizer, QRCodeReader, RGBLuminanceSource } from '@zxing/library';
import type { Locator } from 'playwright-core';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

interface Raster {
  width: number;
  height: number;
  /** One grey byte per pixel, base64. */
  grey: string;
}

/**
 * Rasterizes the SVG in Chromium, as drawn on the slip, `pixelsPerUnit` canvas pixels to each unit of
 * its viewBox (a bar of the barcode, a module of the QR), on white.
 */
async function rasterize(svg: Locator, pixelsPerUnit: number): Promise<Raster> {
  return svg.evaluate(async (element, scale) => {
    const box = (element as SVGSVGElement).viewBox.baseVal;
    const width = Math.ceil(box.width * scale);
    const height = Math.ceil(box.height * scale);
    const copy = element.cloneNode(true) as SVGSVGElement;
    copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
    copy.setAttribute('width', String(width));
    copy.setAttribute('height', String(height));
    const image = new Image();
    image.src = `data:image/svg+xml;base64,${btoa(new XMLSerializer().serializeToString(copy))}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d canvas');
    context.fillStyle = '#fff';
    context.fillRect(0, 0, width, height);
    context.drawImage(image, 0, 0, width, height);
    const rgba = context.getImageData(0, 0, width, height).data;
    let grey = '';
    for (let i = 0; i < rgba.length; i += 4) grey += String.fromCharCode(Math.round(((rgba[i] ?? 0) + (rgba[i + 1] ?? 0) + (rgba[i + 2] ?? 0)) / 3));
    return { width, height, grey: btoa(grey) };
  }, pixelsPerUnit);
}

function bitmap({ width, height, grey }: Raster): BinaryBitmap {
  const luminances = new Uint8ClampedArray(Buffer.from(grey, 'base64'));
  return new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminances, width, height)));
}

/**
 * What a QR scanner reads from the slip's QR code. The drawing is exact, square and in its quiet zone
 * (a "pure" code): read as such, not searched for as in a camera's picture, where the finder-pattern
 * search misjudges some perfectly sharp codes.
 */
export async function readQr(svg: Locator): Promise<string> {
  const pure = new Map([[DecodeHintType.PURE_BARCODE, true]]);
  return new QRCodeReader().decode(bitmap(await rasterize(svg, 8)), pure).getText();
}

/** What a Code 128 scanner reads from the slip's barcode. */
export async function readCode128(svg: Locator): Promise<string> {
  return new Code128Reader().decode(bitmap(await rasterize(svg, 2))).getText();
}

export interface PdfLine {
  y: number;
  /** The text runs on the line, left to right. */
  runs: string[];
}

export interface PdfPage {
  /** The page's MediaBox, in points. */
  widthPt: number;
  heightPt: number;
  lines: PdfLine[];
}

/** Each page of a PDF: its size and its text, run by run, grouped into lines by their baseline. */
export async function readPdf(data: Buffer): Promise<PdfPage[]> {
  const pdf = await getDocument({ data: new Uint8Array(data), isEvalSupported: false }).promise;
  const pages: PdfPage[] = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const page = await pdf.getPage(number);
    const [left = 0, bottom = 0, right = 0, top = 0] = page.view;
    const content = await page.getTextContent();
    const runs = content.items.flatMap((item) => ('str' in item && item.str.trim() !== '' ? [{ text: item.str, x: item.transform[4] as number, y: item.transform[5] as number }] : []));
    const byLine = new Map<number, Array<{ text: string; x: number }>>();
    for (const run of runs) {
      const y = Math.round(run.y * 10) / 10;
      byLine.set(y, [...(byLine.get(y) ?? []), run]);
    }
    const lines = [...byLine].map(([y, onLine]) => ({ y, runs: onLine.sort((a, b) => a.x - b.x).map((run) => run.text) }));
    pages.push({ widthPt: right - left, heightPt: top - bottom, lines });
  }
  await pdf.destroy();
  return pages;
}
