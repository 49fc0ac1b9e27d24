import { appendFileSync, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { LogSink } from './logger';

/** Appends lines to a log file, keeping one previous file once it passes `maxBytes`. */
export function fileLogSink(
  path: string,
  maxBytes = 1_000_000,
  echo: (line: string) => void = () => {},
): LogSink {
  mkdirSync(dirname(path), { recursive: true });
  return {
    write(line) {
      echo(line);
      if (existsSync(path) && statSync(path).size > maxBytes) renameSync(path, `${path}.1`);
      appendFileSync(path, `${line}\n`, { mode: 0o600 });
    },
  };
}
