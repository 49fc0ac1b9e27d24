import { promises as fs } from 'node:fs';
import { dirname } from 'node:path';
import type { LogSink } from './logger';

export interface FileLogOptions {
  /** A file that would pass this many bytes is moved aside and a new one begun. */
  maxBytes?: number;
  /** How many earlier files are kept beside the current one (`ha-tray.log.1` is the newest). */
  keep?: number;
  /** Where a line goes besides the file (the console while developing). */
  echo?: (line: string) => void;
  /** Told once when the file cannot be written; the lines are dropped, the app carries on. */
  onWriteError?: (error: unknown) => void;
}

export interface FileLogSink extends LogSink {
  /** Resolves once every line written so far is in the file. */
  flush(): Promise<void>;
  /** Flushes and closes the file; a line after that goes only to `echo`. */
  close(): Promise<void>;
}

/** The renames that move `path` aside, oldest first: `path.(keep-1)` → `path.keep`, ... `path` → `path.1`. */
export function rotationRenames(path: string, keep: number): Array<[string, string]> {
  const renames: Array<[string, string]> = [];
  for (let n = keep - 1; n >= 1; n--) renames.push([`${path}.${n}`, `${path}.${n + 1}`]);
  if (keep >= 1) renames.push([path, `${path}.1`]);
  return renames;
}

/**
 * Appends lines to a log file off the main thread's critical path: `write` only queues, one
 * asynchronous writer appends the queue in batches. The folder is 0700 and the files 0600 (the
 * log names the user's home and entities); a file that would pass `maxBytes` is rotated, keeping
 * `keep` earlier ones. A write never throws into the caller: a logger that fails must not turn a
 * log line into a crash.
 */
export function fileLogSink(path: string, options: FileLogOptions = {}): FileLogSink {
  const maxBytes = options.maxBytes ?? 1_000_000;
  const keep = options.keep ?? 3;
  const echo = options.echo ?? (() => {});
  let queue: string[] = [];
  let file: fs.FileHandle | null = null;
  let size = 0;
  let writing: Promise<void> | null = null;
  let closed = false;
  let failed = false;

  const open = async () => {
    await fs.mkdir(dirname(path), { recursive: true, mode: 0o700 });
    // A folder or file an earlier version made with the default mode is tightened too.
    await fs.chmod(dirname(path), 0o700);
    file = await fs.open(path, 'a', 0o600);
    await file.chmod(0o600);
    size = (await file.stat()).size;
  };

  const rotate = async () => {
    await file?.close();
    file = null;
    await fs.rm(`${path}.${keep}`, { force: true });
    for (const [from, to] of rotationRenames(path, keep))
      await fs.rename(from, to).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
    await open();
  };

  const drain = async () => {
    while (queue.length > 0) {
      const text = queue.join('');
      queue = [];
      try {
        if (!file) await open();
        const bytes = Buffer.byteLength(text);
        if (size > 0 && size + bytes > maxBytes) await rotate();
        await file!.write(text);
        size += bytes;
      } catch (error) {
        if (!failed) options.onWriteError?.(error);
        failed = true;
      }
    }
    writing = null;
  };

  const flush = async () => {
    while (writing) await writing;
  };

  return {
    write(line) {
      echo(line);
      if (closed) return;
      queue.push(`${line}\n`);
      writing ??= drain();
    },
    flush,
    async close() {
      closed = true;
      await flush();
      const handle = file as fs.FileHandle | null;
      file = null;
      await handle?.close().catch(() => undefined);
    },
  };
}
