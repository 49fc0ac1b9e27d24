import { readFileSync } from 'node:fs';

export interface FakeImageInfo {
  path: string;
  format: 'png' | 'ico' | null;
  width: number;
  height: number;
}

const PNG_SIGNATURE = '89504e470d0a1a0a';

/**
 * What `nativeImage.createFromPath` would make of a file: Electron returns an empty image (it does
 * not throw) for a missing file or a format the platform cannot decode, and ICO decodes only on
 * Windows. The file is read with `fs`, so a packaged boot sees the read.
 */
export function decodeImage(path: string, platform: NodeJS.Platform): FakeImageInfo {
  const empty = { path, format: null, width: 0, height: 0 };
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return empty;
  }
  if (bytes.subarray(0, 8).toString('hex') === PNG_SIGNATURE && bytes.length > 24)
    return { path, format: 'png', width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  const isIco = bytes.length > 22 && bytes.readUInt16LE(0) === 0 && bytes.readUInt16LE(2) === 1;
  if (isIco && platform === 'win32') {
    // A width or height byte of 0 means 256.
    return { path, format: 'ico', width: bytes[6] || 256, height: bytes[7] || 256 };
  }
  return empty;
}
