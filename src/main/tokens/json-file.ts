import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { z } from 'zod';

/** The file exists but is not valid JSON of the expected shape. */
export class DamagedFileError extends Error {
  override readonly name = 'DamagedFileError';
  constructor(readonly path: string) {
    super(`The file ${basename(path)} is damaged`);
  }
}

/**
 * One small JSON document in a file, replaced atomically: the new content goes to a temporary
 * file in the same folder, is flushed to disk, then renamed over the old one, so a crash or power
 * loss leaves either the old or the new document, never a torn one.
 */
export class JsonFile<T> {
  constructor(
    private readonly path: string,
    private readonly schema: z.ZodType<T>,
  ) {}

  /** Null when there is no file; throws `DamagedFileError` when it cannot be parsed. */
  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new DamagedFileError(this.path);
    }
    const parsed = this.schema.safeParse(json);
    if (!parsed.success) throw new DamagedFileError(this.path);
    return parsed.data;
  }

  async write(value: T): Promise<void> {
    const temp = join(
      dirname(this.path),
      `.${basename(this.path)}.${randomBytes(6).toString('hex')}.tmp`,
    );
    const handle = await open(temp, 'w', 0o600);
    try {
      await handle.writeFile(JSON.stringify(value), 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await rename(temp, this.path);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  async clear(): Promise<void> {
    await rm(this.path, { force: true });
  }
}
