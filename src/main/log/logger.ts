import { redact } from './redact';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(message: string, detail?: unknown): void;
  info(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
}

export interface LogSink {
  write(line: string): void;
}

function describe(detail: unknown): string {
  if (detail === undefined) return '';
  if (detail instanceof Error) return ` ${detail.name}: ${detail.message}`;
  try {
    return ` ${JSON.stringify(detail)}`;
  } catch {
    return ` ${String(detail)}`;
  }
}

/**
 * A logger whose every line passes through `redact` on its way out, so that no call site can leak
 * a token by logging an error or a request it did not inspect.
 */
export function createLogger(
  sink: LogSink,
  options: { secrets?: () => Iterable<string>; now?: () => Date } = {},
): Logger {
  const secrets = options.secrets ?? (() => []);
  const now = options.now ?? (() => new Date());
  const log = (level: LogLevel) => (message: string, detail?: unknown) => {
    const line = `${now().toISOString()} ${level.toUpperCase()} ${message}${describe(detail)}`;
    sink.write(redact(line, secrets()));
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}
