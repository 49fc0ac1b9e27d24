import { randomBytes } from 'node:crypto';
import { copyFile, chmod, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { z } from 'zod';

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

/** Owner only: these files hold ciphertext, token ids and the user's reminders. */
const FILE_MODE = 0o600;
const TEMP_SUFFIX = '.tmp';
const tempPrefix = (path: string) => `.${basename(path)}.`;

/**
 * Writes still to land, per file, across every store: two stores on one path still write in
 * turn, and `flushAllJsonFiles()` can wait for all of them at quit.
 */
const queues = new Map<string, Promise<void>>();

/**
 * One JSON document in a file, replaced atomically: the new content goes to a temporary file in
 * the same folder, is flushed to disk, renamed over the old one, then the folder is flushed so
 * the rename itself is on disk. A crash or power loss leaves the old or the new document, never
 * a torn one. Writes to one file run one at a time, in call order; `flush()` waits for them.
 */
export class JsonFileStore<T> {
  constructor(
    readonly path: string,
    private readonly schema: z.ZodType<T>,
  ) {}

  /**
   * Null when there is no file. When it cannot be parsed, a copy is kept next to it as
   * `<name>.damaged` (mode 0600) and `DamagedFileError` is thrown; the file itself stays until
   * the next write replaces it.
   */
  async read(): Promise<T | null> {
    await this.flush();
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const parsed = this.schema.safeParse(parseJson(text));
    if (parsed.success) return parsed.data;
    throw new DamagedFileError(this.path, await this.keepCopy());
  }

  write(value: T): Promise<void> {
    return this.enqueue(() => writeAtomic(this.path, `${JSON.stringify(value, null, 2)}\n`));
  }

  clear(): Promise<void> {
    return this.enqueue(() => rm(this.path, { force: true }));
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

  private async keepCopy(): Promise<string | null> {
    const backupPath = `${this.path}.damaged`;
    try {
      await copyFile(this.path, backupPath);
      await chmod(backupPath, FILE_MODE);
      return backupPath;
    } catch {
      return null;
    }
  }
}

/** Resolves once every write of every JSON file store has landed: for an orderly quit. */
export async function flushAllJsonFiles(): Promise<void> {
  while (queues.size > 0) await Promise.all(queues.values());
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

async function writeAtomic(path: string, text: string): Promise<void> {
  const temp = join(
    dirname(path),
    `${tempPrefix(path)}${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`,
  );
  const handle = await open(temp, 'wx', FILE_MODE);
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
