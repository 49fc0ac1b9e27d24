import { join } from 'node:path';

/** The log file: in the user's data, where the About page points and diagnostics are found. */
export function logFilePath(userDataDir: string): string {
  return join(userDataDir, 'logs', 'ha-tray.log');
}
