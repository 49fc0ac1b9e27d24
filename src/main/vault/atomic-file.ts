import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

const tempPrefix = (path: string) => `.${basename(path)}.`;
const TEMP_SUFFIX = '.tmp';

/**
 * Writes a file so that a crash or power loss leaves either the old or the new content, never a
 * mix: write a temporary file in the same folder, flush it to disk, rename it over the target,
 * then flush the folder so the rename itself is on disk. The file is readable by its owner only.
 */
export function writeFileAtomic(path: string, data: string | Buffer, mode = 0o600): void {
  const temp = join(
    dirname(path),
    `${tempPrefix(path)}${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`,
  );
  const fd = openSync(temp, 'wx', mode);
  try {
    writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  try {
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  syncFolder(dirname(path));
}

/** Removes what a crash between writing and renaming left behind next to `path`. */
export function removeStaleTempFiles(path: string): void {
  const prefix = tempPrefix(path);
  let names: string[];
  try {
    names = readdirSync(dirname(path));
  } catch {
    return;
  }
  for (const name of names) {
    if (name.startsWith(prefix) && name.endsWith(TEMP_SUFFIX))
      rmSync(join(dirname(path), name), { force: true });
  }
}

function syncFolder(folder: string): void {
  let fd: number;
  try {
    fd = openSync(folder, 'r');
  } catch {
    // Windows cannot open a folder; NTFS journals the rename itself.
    return;
  }
  try {
    fsyncSync(fd);
  } catch {
    // Some file systems refuse to sync a folder; the rename is still atomic there.
  } finally {
    closeSync(fd);
  }
}
