import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium } from '../browser-shell/findChromium';
import { buildIcns, buildIco, type SizedPng } from './iconFormats';

/**
 * `npm run icons`: renders build/icon.svg (the one source) in Chromium at each size and writes
 * build/icon.png (1024 px, Linux), build/icon.ico (Windows) and build/icon.icns (macOS), plus
 * build/icons.json with the SVG's hash so a test can tell when the icons are stale.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

export function svgHash(svg: Buffer | string): string {
  return createHash('sha256').update(svg).digest('hex');
}

async function main(): Promise<void> {
  const chromiumPath = findChromium();
  if (!chromiumPath) throw new Error('Chromium is needed to render the icon: apt-get install chromium, or set CHROMIUM_PATH.');
  const svg = await readFile(resolve(ROOT, 'build/icon.svg'));
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const images: SizedPng[] = [];
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    const src = `data:image/svg+xml;base64,${svg.toString('base64')}`;
    for (const size of SIZES) {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(`<html><body style="margin:0;background:transparent"><img id="i" src="${src}" width="${size}" height="${size}" style="display:block"></body></html>`);
      await page.locator('#i').evaluate((img) => (img as unknown as { decode(): Promise<void> }).decode());
      images.push({ size, png: await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }) });
    }
  } finally {
    await browser.close();
  }
  const largest = images.find((i) => i.size === 1024);
  if (!largest) throw new Error('the 1024 px rendering is missing');
  await writeFile(resolve(ROOT, 'build/icon.png'), largest.png);
  await writeFile(resolve(ROOT, 'build/icon.ico'), buildIco(images));
  await writeFile(resolve(ROOT, 'build/icon.icns'), buildIcns(images));
  await writeFile(resolve(ROOT, 'build/icons.json'), `${JSON.stringify({ source: 'build/icon.svg', sha256: svgHash(svg), sizes: SIZES }, null, 2)}\n`);
  console.log(`Wrote build/icon.png, build/icon.ico and build/icon.icns from build/icon.svg (${SIZES.join(', ')} px).`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
