import type { HaGeneration } from '../ha-sim';

/** A Home Assistant the conformance scenarios run against: the simulator or a real one. */
export interface ConformanceTarget {
  name: string;
  /** Which generation's behaviour to expect where 2024.1 and 2026.2 differ. */
  generation: HaGeneration;
  url: string;
  token: string;
  /** Stops and starts the server; tokens and the config survive, every socket drops. */
  restart(): Promise<void>;
  /** A new non-admin user (a unique name per call) and a long-lived token of theirs. */
  createUser(name: string): Promise<{ token: string }>;
  /**
   * An input_boolean that appears while clients are connected, as one made under Settings →
   * Helpers, and `remove()` that deletes it again.
   */
  addHelper(name: string): Promise<{ entityId: string; remove(): Promise<void> }>;
  /** A second server of the same kind that bans an address after `threshold` failed logins. */
  startBanning(threshold: number): Promise<BanningServer>;
}

export interface BanningServer {
  url: string;
  /** A valid long-lived token of that server's owner. */
  token: string;
  close(): Promise<void>;
}
