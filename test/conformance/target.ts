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
  /**
   * Changes a registry as an administrator does in Settings, with Home Assistant's own command:
   * `config/entity_registry/update` ({entity_id, area_id}) or `config/area_registry/update`
   * ({area_id, name}). Home Assistant then fires the registry's `*_registry_updated` event.
   */
  updateRegistry(command: RegistryUpdate): Promise<void>;
  /** A second server of the same kind that bans an address after `threshold` failed logins. */
  startBanning(threshold: number): Promise<BanningServer>;
}

export type RegistryUpdate =
  | { type: 'config/entity_registry/update'; entity_id: string; area_id: string | null }
  | { type: 'config/area_registry/update'; area_id: string; name: string };

export interface BanningServer {
  url: string;
  /** A valid long-lived token of that server's owner. */
  token: string;
  close(): Promise<void>;
}
