/**
 * What the Connection page shows of the Home Assistants that answer on this network
 * (`_home-assistant._tcp.local.`). Main browses only while a page follows the `discovery` value,
 * and offers an address only after it answered a probe: an mDNS answer itself proves nothing.
 */
export interface DiscoveredInstance {
  /** Home Assistant's stable instance id (TXT `uuid`): recognises it after its address changes. */
  uuid: string;
  /** TXT `location_name`, or the host when it has none. */
  locationName: string;
  /** The address to offer: TXT `internal_url`, else the announced address and port (IPv4 first). */
  url: string;
  /** TXT `version`, null when it does not say. */
  version: string | null;
  /** False for versions older than 2024.1: listed, but not offered. */
  supported: boolean;
  /**
   * The instance HA Tray already follows it as (the same uuid or address), by its key and its
   * name; null when none does.
   */
  savedAs: { key: string; name: string } | null;
}

/**
 * `browsing`: listening for answers (the list fills as they come); `idle`: the last browse ended;
 * `unavailable`: this computer cannot browse (`message` says why). When a browse finds nothing,
 * `message` names the likely causes, and says the typed address always works.
 */
export interface DiscoveryView {
  state: 'browsing' | 'idle' | 'unavailable';
  instances: DiscoveredInstance[];
  message: string | null;
}

export const NO_DISCOVERY: DiscoveryView = { state: 'idle', instances: [], message: null };
