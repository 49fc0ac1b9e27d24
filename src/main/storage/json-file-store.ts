import { randomBytes } from 'node:crypto';
import { copyFile, chmod, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { z } from 'zod';
import {
  NewerFileError,
  readDocument,
  versionOf,
  withoutVersion,
  type DocumentFormat,
  type RawDocument,
} from './document-format';
import { ensurePrivateFolder, PRIVATE_FILE_MODE } from './private-folder';

/** The file exists but is not valid JSON of the expected shape. */
export class DamagedFileError extends Error {
  override readonly name = 'DamagedFileError';
  constructor(
    readonly path: string,
    /** Where a copy of the damaged file was kept, for the user or a bug report. */
    readonly backupPath: string | null = null,
  ) {
    super(`The file ${basename(path)} is damaged`);
  }
}

const TEMP_SUFFIX = '.tmp';
const tempPrefix = (path: string) => `.${basename(path)}.`;

/**
 * Writes still to land, per file, across every store: two stores on one path still write in
 * turn, and `flushAllJsonFiles()` can wait for all of them at quit.
 */
const queues = new Map<string, Promise<void>>();

/**
 * One versioned JSON document in a file (its format: src/main/storage/document-format.ts),
 * replaced atomically: the new content goes to a temporary file in the same folder, is flushed
 * to disk, renamed over the old one, then the folder is flushed so the rename itself is on disk
 * before `write()` resolves. A crash or power loss leaves the old or the new document, never a
 * torn one. Writes to one file run one at a time, in call order; `flush()` waits for them. The
 * file is 0600 in a 0700 folder; one a newer HA Tray wrote is never replaced or removed.
 */
export class JsonFileStore<T extends object> {
  private folderReady = false;

  constructor(
    readonly path: string,
    /** The document without its version key, which the store adds and removes. */
    private readonly schema: z.ZodType<T>,
    private readonly format: DocumentFormat,
  ) {}

  /**
   * Null when there is no file. An older file is upgraded by the format's migrations, written
   * back at the current version, and kept as `<name>.version-<n>` for going back by hand. When it
   * cannot be used, a copy is kept next to it as `<name>.damaged` (mode 0600) and
   * `DamagedFileError` is thrown; the file itself stays until the next write replaces it. A file
   * from a newer HA Tray throws `NewerFileError`.
   */
  async read(): Promise<T | null> {
    await this.flush();
    const read = readDocument(await readText(this.path), this.format);
    if (read.kind === 'missing') return null;
    if (read.kind === 'newer') throw new NewerFileError(this.path, this.format, read.version);
    const parsed =
      read.kind === 'ok' ? this.schema.safeParse(withoutVersion(read.raw, this.format)) : null;
    if (!parsed?.success) throw new DamagedFileError(this.path, await this.keepCopy());
    if (read.kind === 'ok' && read.migratedFrom !== null)
      await this.upgradeOnDisk(read.migratedFrom, parsed.data);
    return parsed.data;
  }

  /** Replaces the document; refuses (`NewerFileError`) when a newer HA Tray wrote the file. */
  write(value: T): Promise<void> {
    const stamped = { [this.format.versionKey]: this.format.version, ...value };
    return this.enqueue(async () => {
      await this.refuseNewer();
      this.ensureFolder();
      await writeAtomic(this.path, `${JSON.stringify(stamped, null, 2)}\n`);
    });
  }

  /** Removes the document; refuses (`NewerFileError`) when a newer HA Tray wrote the file. */
  clear(): Promise<void> {
    return this.enqueue(async () => {
      await this.refuseNewer();
      await rm(this.path, { force: true });
    });
  }

  /** Resolves once every write asked for so far is on disk (or has failed). */
  async flush(): Promise<void> {
    for (let pending = queues.get(this.path); pending; pending = queues.get(this.path)) {
      await pending;
      if (queues.get(this.path) === pending) return;
    }
  }

  /** Removes what a crash between writing and renaming left behind next to the file. */
  async removeStaleTempFiles(): Promise<void> {
    const prefix = tempPrefix(this.path);
    let names: string[];
    try {
      names = await readdir(dirname(this.path));
    } catch {
      return;
    }
    await Promise.all(
      names
        .filter((name) => name.startsWith(prefix) && name.endsWith(TEMP_SUFFIX))
        .map((name) => rm(join(dirname(this.path), name), { force: true })),
    );
  }

  private enqueue(operation: () => Promise<void>): Promise<void> {
    const previous = queues.get(this.path) ?? Promise.resolve();
    const run = previous.then(operation);
    // The queue's tail never rejects, and drops itself from the map once nothing follows it.
    const settled: Promise<void> = run
      .catch(() => undefined)
      .then(() => {
        if (queues.get(this.path) === settled) queues.delete(this.path);
      });
    queues.set(this.path, settled);
    return run;
  }

  private async keepCopy(suffix = 'damaged'): Promise<string | null> {
    const backupPath = `${this.path}.${suffix}`;
    try {
      await copyFile(this.path, backupPath);
      await chmod(backupPath, PRIVATE_FILE_MODE);
      return backupPath;
    } catch {
      return null;
    }
  }

  /**
   * Writes an upgraded document back at once, so that its old copy is made once. A failure here
   * changes nothing: the document is still read from the old file, and the next write upgrades it.
   */
  private async upgradeOnDisk(from: number, value: T): Promise<void> {
    if ((await this.keepCopy(`version-${from}`)) === null) return;
    await this.write(value).catch(() => undefined);
  }

  /** Checked on every write, not only at read: nothing replaces a newer file, whatever read it. */
  private async refuseNewer(): Promise<void> {
    const text = await readText(this.path);
    const raw = text === null ? null : parseJson(text);
    if (!isRecord(raw)) return;
    const found = versionOf(raw, this.format);
    if (found.ok && found.version > this.format.version)
      throw new NewerFileError(this.path, this.format, found.version);
  }

  private ensureFolder(): void {
    if (this.folderReady) return;
    ensurePrivateFolder(dirname(this.path));
    this.folderReady = true;
  }
}

/** Resolves once every write of every JSON file store has landed: for an orderly quit. */
export async function flushAllJsonFiles(): Promise<void> {
  while (queues.size > 0) await Promise.all(queues.values());
}

/** The file's text, or null when there is no file. */
async function readText(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is RawDocument {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function writeAtomic(path: string, text: string): Promise<void> {
  const temp = join(
    dirname(path),
    `${tempPrefix(path)}${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`,
  );
  const handle = await open(temp, 'wx', PRIVATE_FILE_MODE);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncFolder(dirname(path));
}

async function syncFolder(folder: string): Promise<void> {
  let handle;
  try {
    handle = await open(folder, 'r');
  } catch {
    // Windows cannot open a folder; NTFS journals the rename itself.
    return;
  }
  try {
    await handle.sync();
  } catch {
    // Some file systems refuse to sync a folder; the rename is still atomic there.
  } finally {
    await handle.close();
  }
}
