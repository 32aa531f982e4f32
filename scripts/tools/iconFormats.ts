/** Containers for the app icon: Windows .ico and macOS .icns, both holding PNG images. */

export interface SizedPng {
  size: number;
  png: Buffer;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk; null when it is not a PNG. */
export function pngSize(png: Buffer): { width: number; height: number } | null {
  if (png.length < 24 || !png.subarray(0, 8).equals(PNG_SIGNATURE) || png.toString('ascii', 12, 16) !== 'IHDR') return null;
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** An .ico whose entries are PNG-compressed (Windows Vista and later), up to 256 px. */
export function buildIco(images: readonly SizedPng[]): Buffer {
  const entries = images.filter((i) => i.size <= 256);
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(entries.length, 4);
  const directory = Buffer.alloc(16 * entries.length);
  let offset = header.length + directory.length;
  entries.forEach((image, i) => {
    const at = i * 16;
    directory.writeUInt8(image.size >= 256 ? 0 : image.size, at);
    directory.writeUInt8(image.size >= 256 ? 0 : image.size, at + 1);
    directory.writeUInt8(0, at + 2);
    directory.writeUInt8(0, at + 3);
    directory.writeUInt16LE(1, at + 4);
    directory.writeUInt16LE(32, at + 6);
    directory.writeUInt32LE(image.png.length, at + 8);
    directory.writeUInt32LE(offset, at + 12);
    offset += image.png.length;
  });
  return Buffer.concat([header, directory, ...entries.map((e) => e.png)]);
}

/** The icns type that holds a PNG of each size. */
export const ICNS_TYPES: Record<number, string> = { 16: 'icp4', 32: 'icp5', 64: 'icp6', 128: 'ic07', 256: 'ic08', 512: 'ic09', 1024: 'ic10' };

export function buildIcns(images: readonly SizedPng[]): Buffer {
  const chunks = images
    .filter((i) => ICNS_TYPES[i.size] !== undefined)
    .map((image) => {
      const head = Buffer.alloc(8);
      head.write(ICNS_TYPES[image.size] as string, 0, 'ascii');
      head.writeUInt32BE(image.png.length + 8, 4);
      return Buffer.concat([head, image.png]);
    });
  const body = Buffer.concat(chunks);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}

/** The entries of an .ico: size (0 means 256) and the embedded image. */
export function readIco(ico: Buffer): SizedPng[] {
  if (ico.readUInt16LE(0) !== 0 || ico.readUInt16LE(2) !== 1) throw new Error('not an .ico file');
  const count = ico.readUInt16LE(4);
  return Array.from({ length: count }, (_, i) => {
    const at = 6 + i * 16;
    const size = ico.readUInt8(at) || 256;
    const length = ico.readUInt32LE(at + 8);
    const offset = ico.readUInt32LE(at + 12);
    return { size, png: ico.subarray(offset, offset + length) };
  });
}

/** The entries of an .icns: type and data. */
export function readIcns(icns: Buffer): Array<{ type: string; data: Buffer }> {
  if (icns.toString('ascii', 0, 4) !== 'icns' || icns.readUInt32BE(4) !== icns.length) throw new Error('not an .icns file');
  const entries: Array<{ type: string; data: Buffer }> = [];
  for (let at = 8; at + 8 <= icns.length; ) {
    const length = icns.readUInt32BE(at + 4);
    if (length < 8) throw new Error('damaged .icns entry');
    entries.push({ type: icns.toString('ascii', at, at + 4), data: icns.subarray(at + 8, at + length) });
    at += length;
  }
  return entries;
}
