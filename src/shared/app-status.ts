import type { ConnectionStatus } from './connection-status';
import type { TokenMetadata } from './token-metadata';

/** Everything the settings window and the panel show about the app's state. */
export interface AppStatus {
  /** HA Tray's key for this Home Assistant (src/shared/settings.ts). */
  key: string;
  /** What the user calls it, else its location name, else its host ("Home Assistant" when unset). */
  name: string;
  connection: ConnectionStatus;
  /** This instance's Home Assistant, once it is set up. */
  instance: { origin: string; locationName: string | null } | null;
  token: TokenMetadata;
  /** Set when the settings file had to be repaired at start, or a newer HA Tray wrote it: main's sentences. */
  settingsNotice: string | null;
  /** Set while the crash-loop guard holds the connection back (src/main/crash/crash-policy.ts). */
  startNotice: string | null;
  /** Main's warning that this may be the same Home Assistant as another instance; or null. */
  lookalike: string | null;
}

/** A connection the user is trying out on the Connection page. The token is optional on a re-test. */
export interface ConnectionCandidate {
  url: string;
  /** A pasted token; when absent, the saved one is used. Travels only renderer -> main. */
  token?: string;
}

/** What an instance is called wherever it is named: the user's name, HA's, or its host. */
export function instanceDisplayName(entry: {
  name: string | null;
  locationName: string | null;
  origin: string | null;
}): string {
  if (entry.name) return entry.name;
  if (entry.locationName) return entry.locationName;
  if (entry.origin) return new URL(entry.origin).hostname;
  return 'Home Assistant';
}
