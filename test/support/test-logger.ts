import type { Logger } from '../../src/main/log/logger';

/** A logger that keeps its lines, for assertions (including that no token was logged). */
export function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const log = (level: string) => (message: string, detail?: unknown) => {
    lines.push(
      `${level} ${message}${detail === undefined ? '' : ` ${detail instanceof Error ? detail.message : JSON.stringify(detail)}`}`,
    );
  };
  return { lines, debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}
