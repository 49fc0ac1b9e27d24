import { describeDetail } from './describe-detail';
import { redact } from './redact';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(message: string, detail?: unknown): void;
  info(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
}

/** A logger that can hand out loggers tagged with the module they speak for. */
export interface RootLogger extends Logger {
  /** The same log, each line tagged `[tag]`: "connection", "vault", "crash"... */
  child(tag: string): Logger;
}

export interface LogSink {
  write(line: string): void;
}

const RANK: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

/** True when a line of `level` goes into a log whose threshold is `threshold`. */
export function isLogged(level: LogLevel, threshold: LogLevel): boolean {
  return RANK[level] >= RANK[threshold];
}

export interface LoggerOptions {
  secrets?: () => Iterable<string>;
  now?: () => Date;
  /** The lowest level written, asked on every line (a setting can change it): info by default. */
  threshold?: () => LogLevel;
}

/**
 * A logger whose every line passes through `redact` on its way out, so that no call site can leak
 * a token by logging an error or a request it did not inspect. An error is written with its stack
 * and its causes; a line under the threshold costs no formatting.
 */
export function createLogger(sink: LogSink, options: LoggerOptions = {}): RootLogger {
  const secrets = options.secrets ?? (() => []);
  const now = options.now ?? (() => new Date());
  const threshold = options.threshold ?? (() => 'info');
  const make = (tag: string | null): Logger => {
    const log = (level: LogLevel) => (message: string, detail?: unknown) => {
      if (!isLogged(level, threshold())) return;
      const prefix = `${now().toISOString()} ${level.toUpperCase()}${tag ? ` [${tag}]` : ''}`;
      sink.write(redact(`${prefix} ${message}${describeDetail(detail)}`, secrets()));
    };
    return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
  };
  return { ...make(null), child: (tag) => make(tag) };
}
