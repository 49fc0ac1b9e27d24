/** The DNS-SD service type every Home Assistant announces on its network. */
export const HOME_ASSISTANT_SERVICE = '_home-assistant._tcp.local.';

/** One Home Assistant's announcement, as an mDNS answer gave it: unauthenticated, unchecked. */
export interface AnnouncedService {
  /** The service instance's full name ("Home._home-assistant._tcp.local"): one per announcement. */
  name: string;
  /** The SRV target ("<uuid>.local"). */
  host: string;
  port: number;
  /** The host's A and AAAA records that came with the answer. */
  addresses: string[];
  /** The TXT record, each key as announced; a key without a value reads as ''. */
  txt: Record<string, string>;
}

export interface BrowseListener {
  /** A service answered, or its answer changed (another address, port or TXT). */
  found(service: AnnouncedService): void;
  /** A service said goodbye (`name` as in `found`). */
  gone(name: string): void;
  /** This computer cannot browse: the port is taken, no multicast, no network. Nothing more follows. */
  failed(error: Error): void;
}

export interface BrowseSession {
  /** Asks the network again: one query for the service type. */
  query(): void;
  /** Stops listening and closes the socket; nothing is reported after this. */
  stop(): void;
}

/**
 * Browses `_home-assistant._tcp.local.` with multicast DNS: listens and queries, never announces
 * or answers anything (the port the discovery needs from the operating system's network).
 */
export interface ServiceBrowser {
  /** Starts listening and sends the first query. */
  browse(listener: BrowseListener): BrowseSession;
}
