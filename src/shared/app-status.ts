import type { ConnectionStatus } from './connection-status';
import type { TokenMetadata } from './token-metadata';

/** Everything the settings window and the panel show about the app's state. */
export interface AppStatus {
  connection: ConnectionStatus;
  /** The configured Home Assistant, if any. */
  instance: { origin: string; locationName: string | null } | null;
  token: TokenMetadata;
  /** Set when the settings file had to be repaired at start, or a newer HA Tray wrote it: main's sentences. */
  settingsNotice: string | null;
  /** Set while the crash-loop guard holds the connection back (src/main/crash/crash-policy.ts). */
  startNotice: string | null;
}

/** A connection the user is trying out on the Connection page. The token is optional on a re-test. */
export interface ConnectionCandidate {
  url: string;
  /** A pasted token; when absent, the saved one is used. Travels only renderer -> main. */
  token?: string;
}
