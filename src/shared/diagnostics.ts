import { z } from 'zod';

export interface AppVersions {
  app: string;
  electron: string;
  chromium: string;
  node: string;
}

export type HistoryKind =
  | 'connecting'
  | 'connected'
  | 'dropped'
  | 'retry'
  | 'offline'
  | 'token_rejected'
  | 'banned'
  | 'not_configured'
  | 'token';

/** One event of the connection's recent history. Never holds a token. */
export interface HistoryEntry {
  at: number;
  kind: HistoryKind;
  detail: string;
}

/** What the About page shows. */
export interface AboutInfo {
  versions: AppVersions;
  /** The connected Home Assistant's version, or null while not connected. */
  homeAssistant: string | null;
  /** "linux x64", "darwin arm64". */
  platform: string;
  history: HistoryEntry[];
  /** Where the log file is, for the user to attach to a bug report (not in the diagnostics text). */
  logFile: string;
}

/** What "Copy diagnostics" leaves out besides the token, which is never in it. */
export const diagnosticsOptionsSchema = z
  .object({ redactAddress: z.boolean(), redactEntityNames: z.boolean() })
  .strict();
export type DiagnosticsOptions = z.infer<typeof diagnosticsOptionsSchema>;
